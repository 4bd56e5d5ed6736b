// The engine's module, not the sync barrel: what this file imports stays out of the first page.
import type { PortalDb } from '../db';
import type { SyncEngine, SyncEngineOptions, SyncStatus } from './engine';

/** The engine's options, with the database it works on opened when the engine loads. */
export type LazySyncEngineOptions = Omit<SyncEngineOptions, 'db'> & { database: () => Promise<PortalDb> };

/**
 * The sync engine behind its own interface, its code loaded when first used or started: it sends,
 * retries and pulls, none of which a page needs to show itself, so the first page's code leaves it
 * out. Until it has loaded, its status is idle and its listeners wait for it.
 */
export function lazySyncEngine({ database, ...options }: LazySyncEngineOptions): SyncEngine {
  let engine: SyncEngine | null = null;
  let loading: Promise<SyncEngine> | null = null;
  let started = false;
  const listeners = new Map<(s: SyncStatus) => void, (() => boolean) | null>();
  const load = () =>
    (loading ??= Promise.all([import('./engine'), database()]).then(([{ createSyncEngine }, db]) => {
      const loaded = createSyncEngine({ ...options, db });
      for (const listener of listeners.keys()) listeners.set(listener, loaded.onStatus(listener));
      if (started) loaded.start();
      return (engine = loaded);
    }));
  /** A method of the engine, called once it has loaded. */
  const later =
    <K extends keyof SyncEngine>(name: K) =>
    async (...args: Parameters<SyncEngine[K]>): Promise<Awaited<ReturnType<SyncEngine[K]>>> =>
      ((await load())[name] as (...a: Parameters<SyncEngine[K]>) => Awaited<ReturnType<SyncEngine[K]>>)(...args);

  return {
    status: () => engine?.status() ?? { syncing: false, progress: { done: 0, total: 0 }, last: null },
    onStatus(listener: (s: SyncStatus) => void) {
      listeners.set(listener, engine?.onStatus(listener) ?? null);
      return () => {
        listeners.get(listener)?.();
        return listeners.delete(listener);
      };
    },
    clientId: later('clientId'),
    enqueue: later('enqueue'),
    enqueueBatch: later('enqueueBatch'),
    syncNow: later('syncNow'),
    retry: later('retry'),
    confirm: later('confirm'),
    discard: later('discard'),
    cancel: later('cancel'),
    dismissPassword: later('dismissPassword'),
    compact: later('compact'),
    resumeAfterSignIn: later('resumeAfterSignIn'),
    start() {
      started = true;
      if (engine) engine.start();
      else void load();
    },
    stop() {
      started = false;
      engine?.stop();
    },
  };
}
