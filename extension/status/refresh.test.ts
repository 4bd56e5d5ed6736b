import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messageFor } from '@shared/domain';
import { readSession, readStatusCache, sessionItem, statusCacheItem } from '../storage/items';
import {
  NOW,
  PORTAL,
  TOKEN,
  cache,
  fakeFetch,
  license,
  offlineFetch,
  session,
  statusResponse,
} from '../testing/factories';
import { refreshStatus } from './refresh';

const now = () => NOW;

describe('refreshStatus', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await sessionItem.setValue(session());
  });
  afterEach(() => vi.restoreAllMocks());

  it("asks the session's portal with the token and stores the answer", async () => {
    const fresh = statusResponse([license({ activations: { used: 2, max: 5 } })]);
    const { fetch, calls } = fakeFetch(200, fresh);
    expect(await refreshStatus({ fetch, now })).toEqual({ kind: 'updated', checkedAt: NOW.toISOString() });
    expect(calls[0]?.url).toBe(`${PORTAL}/api/v1/status`);
    expect(calls[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(await readStatusCache()).toEqual({
      status: fresh,
      checkedAt: NOW.toISOString(),
      attemptedAt: NOW.toISOString(),
      lastError: null,
    });
  });

  it('keeps the cached numbers and records why when the portal cannot be reached', async () => {
    const old = cache({ checkedAt: '2026-03-01T11:00:00.000Z' });
    await statusCacheItem.setValue(old);
    expect(await refreshStatus({ fetch: offlineFetch, now })).toMatchObject({ kind: 'offline', code: 'network_error' });
    const stored = await readStatusCache();
    expect(stored.status).toEqual(old.status);
    expect(stored.checkedAt).toBe('2026-03-01T11:00:00.000Z');
    expect(stored.lastError).toEqual({ code: 'network_error', message: messageFor('network_error') });
  });

  it('treats a 503 as unreachable, not as an error in the data', async () => {
    const { fetch } = fakeFetch(503, { code: 'server_unavailable', message: 'down' });
    expect(await refreshStatus({ fetch, now })).toMatchObject({ kind: 'offline' });
  });

  it('forgets the token and the numbers on 401', async () => {
    await statusCacheItem.setValue(cache());
    const { fetch } = fakeFetch(401, { code: 'unauthorized', message: messageFor('unauthorized') });
    expect(await refreshStatus({ fetch, now })).toEqual({ kind: 'signed_out' });
    expect(await readSession()).toBeNull();
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(TOKEN);
    expect((await readStatusCache()).status).toBeNull();
  });

  it('does not call the portal when signed out', async () => {
    await sessionItem.removeValue();
    const { fetch, calls } = fakeFetch(200, statusResponse());
    expect(await refreshStatus({ fetch, now })).toEqual({ kind: 'signed_out' });
    expect(calls).toHaveLength(0);
  });

  it('never writes the token to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    await refreshStatus({ fetch: fakeFetch(200, statusResponse()).fetch, now });
    await refreshStatus({ fetch: offlineFetch, now });
    await refreshStatus({ fetch: fakeFetch(401, { code: 'unauthorized', message: 'x' }).fetch, now });
    for (const spy of spies) expect(JSON.stringify(spy.mock.calls)).not.toContain(TOKEN);
  });
});
