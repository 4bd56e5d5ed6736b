import { createApiClient, isRetryable } from '@shared/api';
import { readSession, readSettings, readStatusCache, sessionItem, statusCacheItem } from '../storage/items';
import { EMPTY_CACHE, type StatusCache } from '../storage/schemas';

/** How a refresh ended, as the popup needs to know it. */
export type RefreshOutcome =
  | { kind: 'updated'; checkedAt: string }
  | { kind: 'signed_out' }
  /** The portal was not reached (offline, down, busy): the cached numbers stay. */
  | { kind: 'offline'; code: string; message: string }
  | { kind: 'failed'; code: string; message: string };

export interface RefreshDeps {
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
}

/**
 * Asks the portal for the compact status and stores it. On 401 the session (token) is dropped;
 * on any other failure the last good numbers are kept and the failure recorded beside them.
 */
export async function refreshStatus(deps: RefreshDeps = {}): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  const [settings, session, cache] = await Promise.all([readSettings(), readSession(), readStatusCache()]);
  if (!session) {
    if (cache.status) await statusCacheItem.setValue(EMPTY_CACHE);
    return { kind: 'signed_out' };
  }
  const api = createApiClient({
    baseURL: session.portalUrl || settings.portalUrl,
    getToken: () => session.token,
    timeoutMs: 10_000,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const result = await api.status();
  const at = now().toISOString();
  if (result.ok) {
    await statusCacheItem.setValue({ status: result.data, checkedAt: at, attemptedAt: at, lastError: null });
    return { kind: 'updated', checkedAt: at };
  }
  const { code, message, status } = result.error;
  if (status === 401) {
    await sessionItem.removeValue();
    await statusCacheItem.setValue({ ...EMPTY_CACHE, attemptedAt: at, lastError: { code: 'unauthorized', message } });
    return { kind: 'signed_out' };
  }
  const next: StatusCache = { ...cache, attemptedAt: at, lastError: { code, message } };
  await statusCacheItem.setValue(next);
  // What the sync would retry (network, 408, 429, 5xx) is "not reached": the popup says offline.
  return isRetryable(result.error) ? { kind: 'offline', code, message } : { kind: 'failed', code, message };
}
