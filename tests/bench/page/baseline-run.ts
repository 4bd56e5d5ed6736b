import Dexie, { type EntityTable } from 'dexie';
import { countIdbWork } from '@shared/db/testing/count-idb-work';
import { uuidv7 } from '@shared/sync';
import type { BenchInput, BenchResult } from './protocol';

interface QueuedRequest {
  id?: number;
  url: string;
  body: string;
  timestamp: number;
}

/**
 * The naive baseline, as Workbox Background Sync does it: each request is one IndexedDB row
 * (added as it is queued); replay reads the oldest row and deletes it in one transaction, then
 * sends that one request, one at a time. Same commands, same server, same IndexedDB library.
 */
export async function runBaseline(input: BenchInput): Promise<BenchResult> {
  const name = `workbox-like-${input.tag}`;
  await Dexie.delete(name);
  const db = new Dexie(name) as Dexie & { requests: EntityTable<QueuedRequest, 'id'> };
  db.version(1).stores({ requests: '++id, timestamp' });
  const work = countIdbWork(db);
  await db.open();

  work.reset();
  let t = performance.now();
  for (let i = 0; i < input.n; i++) {
    const command = { opId: uuidv7(), seq: i + 1, kind: 'device.reset', payload: { deviceId: input.deviceIds[i] } };
    await db.requests.add({
      url: '/api/v1/sync',
      body: JSON.stringify({ clientId: `baseline-${input.tag}`, commands: [command] }),
      timestamp: Date.now(),
    });
  }
  const enqueueMs = performance.now() - t;
  const enqueueIdb = work.snapshot();

  work.reset();
  const outcomes: Record<string, number> = {};
  let httpRequests = 0;
  let httpMs = 0;
  t = performance.now();
  for (;;) {
    const entry = await db.transaction('rw', db.requests, async () => {
      const first = await db.requests.orderBy('timestamp').first();
      if (first) await db.requests.delete(first.id!);
      return first;
    });
    if (!entry) break;
    httpRequests += 1;
    const started = performance.now();
    const res = await fetch(entry.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${input.token}` },
      body: entry.body,
    });
    if (!res.ok) throw new Error(`baseline request failed: ${res.status}`);
    const body = (await res.json()) as { results: Array<{ outcome: string }> };
    httpMs += performance.now() - started;
    for (const r of body.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  }
  const syncMs = performance.now() - t;
  const syncIdb = work.snapshot();
  db.close();
  return { enqueueMs, enqueueIdb, syncMs, syncIdb, httpRequests, httpMs, outcomes };
}
