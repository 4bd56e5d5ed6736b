import { describe, expect, it } from 'vitest';
import { countIdbWork } from '../db/testing/count-idb-work';
import type { NewCommand } from './outbox';
import { enqueueMany } from './outbox';
import { answer, deviceReset, engineFor, freshDb, scriptedApi } from './testing/fixtures';

/** In a browser IndexedDB, not the server, is the cost of a sync: it must not grow with N. */
describe('sync cost', () => {
  async function transactionsToSync(n: number, batchSize: number): Promise<number> {
    const db = freshDb();
    const work = countIdbWork(db);
    const { api } = scriptedApi(answer('already_done'));
    const { engine } = engineFor(db, api, { batchSize });
    await db.open();
    const commands: NewCommand[] = Array.from({ length: n }, (_, i) => deviceReset(`d${i}`));
    await enqueueMany(db, commands, { clientId: 'client-test', userId: 'u-manager', now: new Date() });
    work.reset();
    await engine.syncNow();
    const { total: count, rowsWritten } = work.snapshot();
    // per batch: lease add, outcome row add, lease delete, sync meta put; plus the backoff reset
    expect(rowsWritten).toBe(4 * Math.ceil(n / batchSize) + 1);
    expect(await db.outbox.count()).toBe(n); // nothing left the outbox...
    expect((await db.outcomes.toArray()).flatMap((o) => o.results)).toHaveLength(n); // ...and every answer is stored
    return count;
  }

  it('costs the same number of IndexedDB transactions for 1,000 commands as for 5', async () => {
    const few = await transactionsToSync(5, 1000);
    const many = await transactionsToSync(1000, 1000);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(5);
  });

  it('adds two transactions per extra batch (lease, outcomes), never one per command', async () => {
    const one = await transactionsToSync(200, 200);
    const five = await transactionsToSync(1000, 200);
    expect(five - one).toBe(8);
  });
});
