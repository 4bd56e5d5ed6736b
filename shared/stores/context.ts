import { createApiClient, type ApiClient } from '../api';
import { createPortalDb, type PortalDb } from '../db';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../sync';

export interface PortalDeps {
  api: ApiClient;
  db: PortalDb;
  now?: () => Date;
  clientId?: string;
  /** Engine tuning (batch size, intervals); tests shorten the timers. */
  sync?: Partial<Omit<SyncEngineOptions, 'db' | 'api' | 'userId' | 'now' | 'clientId'>>;
}

/** What every store works with: one API client, one database, one clock, one sync engine. */
export interface Portal {
  api: ApiClient;
  db: PortalDb;
  now: () => Date;
  engine: SyncEngine;
  /** The session the API client and the engine read on every call (kept by the session store). */
  auth: { token: string | null; userId: string | null };
}

let current: Portal | null = null;

/** Called once by the app (and by each test) before any store is used. */
export function installPortal(deps: PortalDeps): Portal {
  current?.engine.stop();
  const auth: Portal['auth'] = { token: null, userId: null };
  const now = deps.now ?? (() => new Date());
  const engine = createSyncEngine({
    ...deps.sync,
    db: deps.db,
    api: deps.api,
    now,
    userId: () => auth.userId,
    ...(deps.clientId ? { clientId: deps.clientId } : {}),
  });
  current = { api: deps.api, db: deps.db, now, engine, auth };
  return current;
}

/** The installed portal; using a store before installPortal is a bug. */
export function usePortal(): Portal {
  if (!current) throw new Error('installPortal() must be called before the stores are used');
  return current;
}

/** The session token, for the API client's `getToken`. */
export function currentToken(): string | null {
  return current?.auth.token ?? null;
}

/** The app's wiring in one call: the `seat-portal` database and an API client reading the session token. */
export function createPortalDeps(options: { baseURL: string; fetch?: typeof globalThis.fetch; dbName?: string }): PortalDeps {
  const api = createApiClient({ baseURL: options.baseURL, getToken: currentToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return { api, db: createPortalDb(options.dbName) };
}
