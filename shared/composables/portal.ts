import { createPinia, type Pinia } from 'pinia';
import { inject, type App, type InjectionKey } from 'vue';
import { createApiClient, type ApiClient } from '../api';
import type { FirstPaint, PortalDb } from '../db';
import { DB_NAME } from '../db/versions';
import type { SyncEngine, SyncEngineOptions } from '../sync/engine';
import { lazySyncEngine } from '../sync/lazy-engine';

/** What every store works with: one API client, one database, one clock, one sync engine. */
export interface Portal {
  api: ApiClient;
  /** The one database, once open: its code (Dexie) loads when first asked for, not with the first page. */
  database: () => Promise<PortalDb>;
  /** Its name, known before it opens (a worker opens it itself: see pwa/src/lists/list-worker.ts). */
  databaseName: string;
  /**
   * What the device held for the first screen, read before the database opened (see `firstPaint`
   * in the options): a store made before then starts from it. Null once the database is open.
   */
  firstPaint: FirstPaint | null;
  /** Lets a database held back for the first paint open (see `firstPaint` in the options). */
  open: () => void;
  now: () => Date;
  engine: SyncEngine;
  /** The session the API client and the engine read on every call (kept by the session store). */
  auth: { token: string | null; userId: string | null };
}

export interface PortalOptions {
  /** The portal server; '' is this page's origin (the server serves the PWA). */
  baseURL: string;
  /** Tests script the server here. */
  fetch?: typeof globalThis.fetch;
  /** Default: the `seat-portal` database. */
  db?: PortalDb;
  /**
   * The first screen's data, read without Dexie (shared/db/first-paint.ts). With it, the stores
   * made before the database opens start from it, and the database waits for `open()` (the app
   * calls it once the first page is rendered), so nothing on that page waits for Dexie's code.
   * Every write goes through the database, so in this tab nothing changes that data before then.
   */
  firstPaint?: FirstPaint | null;
  now?: () => Date;
  clientId?: string;
  /** Engine tuning (batch size, intervals); tests shorten the timers. */
  sync?: Partial<Omit<SyncEngineOptions, 'db' | 'api' | 'userId' | 'now' | 'clientId'>>;
  /** Default: a new Pinia; a test may pass one from `@pinia/testing`. */
  pinia?: Pinia;
}

/** How the stores find their portal: provided by the app, injected by each setup store. */
const PortalKey: InjectionKey<Portal> = Symbol('seat-portal');

/** A portal whose API client sends the token of the session kept in its `auth`. */
function createPortal(options: PortalOptions): Portal {
  const auth: Portal['auth'] = { token: null, userId: null };
  const now = options.now ?? (() => new Date());
  let opened: Promise<PortalDb> | null = null;
  let open: () => void = () => undefined;
  const mayOpen = options.firstPaint ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  const database = () =>
    (opened ??= mayOpen
      .then(() => options.db ?? import('../db/database').then(({ createPortalDb }) => createPortalDb()))
      .then((db) => {
        // From now on the database is the truth: a store made later reads it, not this snapshot.
        portal.firstPaint = null;
        return db;
      }));
  const api = createApiClient({
    baseURL: options.baseURL,
    getToken: () => auth.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const engine = lazySyncEngine({
    ...options.sync,
    database,
    api,
    now,
    userId: () => auth.userId,
    ...(options.clientId ? { clientId: options.clientId } : {}),
  });
  const portal: Portal = {
    api,
    database,
    databaseName: options.db?.name ?? DB_NAME,
    firstPaint: options.firstPaint ?? null,
    open,
    now,
    engine,
    auth,
  };
  return portal;
}

/**
 * The one call that wires an app, or a test: `app.use(portalPlugin(options))` installs Pinia and
 * provides the portal its stores inject. The same plugin may be used by several apps (a test mounts
 * one app per page): they share the Pinia and the portal. Unmounting an app stops the sync engine.
 */
export function portalPlugin(options: PortalOptions) {
  const portal = createPortal(options);
  const pinia = options.pinia ?? createPinia();
  return {
    portal,
    pinia,
    install(app: App) {
      app.provide(PortalKey, portal);
      app.use(pinia);
      app.onUnmount(() => portal.engine.stop());
    },
  };
}

/**
 * The portal of the app the calling store (or component) belongs to. Pinia creates setup stores in
 * their app's context, so a store may call this at its top level, like any `inject()`.
 */
export function usePortal(): Portal {
  const portal = inject(PortalKey, null);
  if (!portal) throw new Error('usePortal(): no portal in this app; wire it with app.use(portalPlugin(...))');
  return portal;
}
