import { describe, expect, it } from 'vitest';
import type { SyncStatus } from './engine';
import { answer, deviceReset, freshDb, scriptedApi } from './testing/fixtures';
import { lazySyncEngine } from './lazy-engine';

describe('the sync engine loaded on first use', () => {
  it('is idle until loaded, then works as the engine: its listeners, registered before, hear it send', async () => {
    const db = freshDb();
    const { api, requests } = scriptedApi(answer('applied'));
    const engine = lazySyncEngine({
      database: async () => db,
      api,
      userId: () => 'u-manager',
      clientId: 'c',
      pull: false,
    });
    const seen: SyncStatus['syncing'][] = [];
    const off = engine.onStatus((s) => void seen.push(s.syncing));
    expect(engine.status()).toEqual({ syncing: false, progress: { done: 0, total: 0 }, last: null });
    const row = await engine.enqueue(deviceReset('d-1'));
    expect(await engine.syncNow()).toMatchObject({ sent: 1 });
    expect(requests.flat().map((c) => c.opId)).toEqual([row.opId]);
    expect([seen[0], seen.at(-1)]).toEqual([true, false]);
    expect(engine.status().last).toMatchObject({ sent: 1 });
    off();
    const heard = seen.length;
    await engine.syncNow();
    expect(seen).toHaveLength(heard); // unsubscribed
  });

  it('starts once its code has arrived, unless stopped before', async () => {
    const sleep = () => new Promise((r) => setTimeout(r, 50));
    const { api, requests } = scriptedApi(answer('applied'));
    const options = { api, userId: () => 'u-manager', clientId: 'c', pull: false };
    const stopped = lazySyncEngine({ ...options, database: async () => freshDb() });
    stopped.start();
    stopped.stop();
    await stopped.enqueue(deviceReset('d-1'));
    await sleep();
    expect(requests).toHaveLength(0); // not started: a queued command waits for a send
    const started = lazySyncEngine({ ...options, database: async () => freshDb() });
    started.start();
    await started.enqueue(deviceReset('d-2'));
    await sleep();
    expect(requests).toHaveLength(1); // started: a queued command goes at once
    started.stop();
  });
});
