import type { Subscription } from 'dexie';
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue';
import type { PortalDb } from '../db';

/** A value that follows a Dexie query. */
export interface Live<T> {
  value: Ref<T>;
  /** Re-reads at once, so an action can await its own write. */
  refresh: () => Promise<T>;
  /** Resolves once the query has answered for the first time. */
  ready: Promise<void>;
}

/**
 * A ref that follows a Dexie query: re-run whenever a transaction (in this tab or another) changes
 * what it read (only that: a query of one license's rows ignores the other licenses' writes). It
 * holds `initial` until `database` (the portal's) has opened and the query answered.
 */
export function useLive<T>(
  database: () => Promise<PortalDb>,
  query: (db: PortalDb) => Promise<T>,
  initial: T,
): Live<T> {
  return useLiveFor(database, () => '', query, initial);
}

/**
 * Like `useLive`, for a query that depends on reactive input: `key` names what to read (a string,
 * so an equal input does not re-subscribe), and each new key subscribes `query(key)` anew; while
 * `key` is null nothing is read (and `ready` waits).
 */
export function useLiveFor<T>(
  database: () => Promise<PortalDb>,
  key: () => string | null,
  query: (db: PortalDb, key: string) => Promise<T>,
  initial: T,
): Live<T> {
  const value = shallowRef(initial) as Ref<T>;
  let subscription: Subscription | null = null;
  let answered: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (answered = resolve));
  let disposed = false;
  let subscribed = 0; // which key's subscription is the current one
  const failed = (e: unknown) => {
    console.error('liveQuery failed', e);
    answered();
  };
  const stop = watch(
    key,
    async (current) => {
      const turn = ++subscribed;
      subscription?.unsubscribe();
      subscription = null;
      if (current === null) return;
      // Dexie's code loads with the database, after the first page has shown.
      const loaded = await Promise.all([database(), import('dexie')]).catch(failed);
      if (!loaded || disposed || turn !== subscribed) return; // another key subscribed meanwhile
      const [db, { liveQuery }] = loaded;
      subscription = liveQuery(() => query(db, current)).subscribe({
        next: (v) => {
          value.value = v;
          answered();
        },
        error: failed,
      });
    },
    { immediate: true },
  );
  if (getCurrentScope())
    onScopeDispose(() => {
      disposed = true;
      stop();
      subscription?.unsubscribe();
    });
  return {
    value,
    ready,
    refresh: async () => {
      const current = key();
      return current === null ? value.value : (value.value = await query(await database(), current));
    },
  };
}
