import Dexie from 'dexie';
import { createApiClient } from '@shared/api';
import { PortalDb } from '@shared/db';
import { countIdbWork } from '@shared/db/testing/count-idb-work';
import { createSyncEngine, pullFresh } from '@shared/sync';
import type { BenchInput, BenchResult } from './protocol';

/**
 * Our engine on a real on-disk IndexedDB: N single enqueues (as a user queues them), then one
 * sync run (batches of `batchSize`, a lease row and an outcome row per batch). The pull and the
 * compaction that follow a real run are timed apart, so each cost is visible.
 */
export async function runEngine(input: BenchInput): Promise<BenchResult> {
  const name = `seat-portal-bench-${input.tag}`;
  await Dexie.delete(name);
  const db = new PortalDb(name);
  const work = countIdbWork(db);
  await db.open();
  let requests = 0;
  let httpMs = 0;
  const fetchCounted: typeof fetch = async (req, init) => {
    requests += 1;
    const started = performance.now();
    try {
      return await fetch(req, init);
    } finally {
      httpMs += performance.now() - started;
    }
  };
  const api = createApiClient({ baseURL: '', getToken: () => input.token, fetch: fetchCounted });
  const engine = createSyncEngine({
    db,
    api,
    userId: () => input.userId,
    clientId: `bench-${input.tag}`,
    pull: false,
    batchSize: input.batchSize,
  });

  work.reset();
  let t = performance.now();
  for (let i = 0; i < input.n; i++) {
    await engine.enqueue({
      kind: 'device.reset',
      payload: { deviceId: input.deviceIds[i]! },
      basis: { deviceActive: true, deactivationCount: 0 },
      licenseId: input.licenseId,
    });
  }
  const enqueueMs = performance.now() - t;
  const enqueueIdb = work.snapshot();

  work.reset();
  requests = 0;
  httpMs = 0;
  t = performance.now();
  const run = await engine.syncNow();
  const syncMs = performance.now() - t;
  const syncIdb = work.snapshot();
  const httpRequests = requests;
  const httpSyncMs = httpMs;
  if (run?.kind !== 'drained' || run.sent !== input.n)
    throw new Error(`engine run did not drain: ${JSON.stringify(run)}`);

  const outcomes: Record<string, number> = {};
  for (const batch of await db.outcomes.toArray())
    for (const r of batch.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;

  t = performance.now();
  const pulled = await pullFresh(db, api, [input.licenseId], new Date());
  const pullMs = performance.now() - t;
  if (pulled) throw new Error(`pull failed: ${pulled.code}`);

  work.reset();
  t = performance.now();
  await engine.compact();
  const compactMs = performance.now() - t;
  const compactIdb = work.snapshot();
  db.close();
  return {
    enqueueMs,
    enqueueIdb,
    syncMs,
    syncIdb,
    httpRequests,
    httpMs: httpSyncMs,
    outcomes,
    pullMs,
    compactMs,
    compactIdb,
  };
}
