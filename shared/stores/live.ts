import { liveQuery, type Subscription } from 'dexie';
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref } from 'vue';

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
 * what it read (only that: a query of one license's rows ignores the other licenses' writes).
 */
export function useLive<T>(query: () => Promise<T>, initial: T): Live<T> {
  return useLiveFor(() => '', query, initial);
}

/**
 * Like `useLive`, for a query that depends on reactive input: `key` names what to read (a string,
 * so an equal input does not re-subscribe), and each new key subscribes `query(key)` anew; while
 * `key` is null nothing is read (and `ready` waits).
 */
export function useLiveFor<T>(key: () => string | null, query: (key: string) => Promise<T>, initial: T): Live<T> {
  const value = shallowRef(initial) as Ref<T>;
  let subscription: Subscription | null = null;
  let answered: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (answered = resolve));
  const stop = watch(
    key,
    (current) => {
      subscription?.unsubscribe();
      if (current === null) return;
      subscription = liveQuery(() => query(current)).subscribe({
        next: (v) => {
          value.value = v;
          answered();
        },
        error: (e) => {
          console.error('liveQuery failed', e);
          answered();
        },
      });
    },
    { immediate: true },
  );
  if (getCurrentScope())
    onScopeDispose(() => {
      stop();
      subscription?.unsubscribe();
    });
  return {
    value,
    ready,
    refresh: async () => {
      const current = key();
      return current === null ? value.value : (value.value = await query(current));
    },
  };
}
