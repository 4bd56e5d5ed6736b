import { createPinia, type Pinia } from 'pinia';
import { inject, type App, type InjectionKey } from 'vue';
import { createApiClient, type ApiClient } from '../api';
import { createPortalDb, type PortalDb } from '../db';
import type { SyncEngine, SyncEngineOptions } from '../sync/engine';
import { lazySyncEngine } from './lazy-engine';

/** What every store works with: one API client, one database, one clock, one sync engine. */
export interface Portal {
  api: ApiClient;
  db: PortalDb;
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
  now?: () => Date;
  clientId?: string;
  /** Engine tuning (batch size, intervals); tests shorten the timers. */
  sync?: Partial<Omit<SyncEngineOptions, 'db' | 'api' | 'userId' | 'now' | 'clientId'>>;
  /** Default: a new Pinia; a test may pass one from `@pinia/testing`. */
  pinia?: Pinia;
}

/** How the stores find their portal: provided by the app, injected by each setup store. */
export const PortalKey: InjectionKey<Portal> = Symbol('seat-portal');

/** A portal whose API client sends the token of the session kept in its `auth`. */
export function createPortal(options: PortalOptions): Portal {
  const auth: Portal['auth'] = { token: null, userId: null };
  const now = options.now ?? (() => new Date());
  const db = options.db ?? createPortalDb();
  const api = createApiClient({
    baseURL: options.baseURL,
    getToken: () => auth.token,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const engine = lazySyncEngine({
    ...options.sync,
    db,
    api,
    now,
    userId: () => auth.userId,
    ...(options.clientId ? { clientId: options.clientId } : {}),
  });
  return { api, db, now, engine, auth };
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
