import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabasePath } from '../../tests/support/portal-server';
import { arg, compiledRead } from './compiled-read';
import { openDatabase, type Db } from './connect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { groupedWriteTransaction } from './transaction';
import type { Kysely } from 'kysely';

let db: Db;
beforeAll(async () => {
  db = await openDatabase(`sqlite:${tempDatabasePath()}`);
  await migrateToLatest(db);
});
afterAll(() => db.close());

const addCompany = (trx: Kysely<Database>, id: string) =>
  trx
    .insertInto('companies')
    .values({ id, public_id: id, public_id_key: id.toLowerCase(), name: id, created_at: 'x' })
    .execute();

// On the read-only connection: only what was committed.
const committed = compiledRead((k) => k.selectFrom('companies').select('id').where('id', '=', arg(0)));
const isCommitted = async (id: string) => (await committed(db.kysely, id)).length === 1;

describe('groupedWriteTransaction', () => {
  it('answers each of the transactions arriving together after their shared commit; one that fails leaves no trace', async () => {
    const events: string[] = [];
    const first = groupedWriteTransaction(db, async (trx) => {
      await addCompany(trx, 'g1');
      return 'first';
    }).then(async (value) => {
      events.push(`first answered, committed: ${await isCommitted('g1')}`);
      return value;
    });
    const failing = groupedWriteTransaction(db, async (trx) => {
      await addCompany(trx, 'g2');
      throw new Error('refused');
    });
    const last = groupedWriteTransaction(db, async (trx) => {
      events.push('last ran');
      await addCompany(trx, 'g3');
      return 'last';
    });

    await expect(first).resolves.toBe('first');
    await expect(failing).rejects.toThrow('refused');
    await expect(last).resolves.toBe('last');
    expect(events).toEqual(['last ran', 'first answered, committed: true']);
    expect([await isCommitted('g1'), await isCommitted('g2'), await isCommitted('g3')]).toEqual([true, false, true]);
  });

  it('fails every transaction of the group, and keeps none of their writes, when the shared transaction is lost', async () => {
    const kept = groupedWriteTransaction(db, (trx) => addCompany(trx, 'h1'));
    const ending = groupedWriteTransaction(db, async (trx) => {
      await sql`rollback`.execute(trx);
    });
    await expect(kept).rejects.toThrow();
    await expect(ending).rejects.toThrow();
    expect(await isCommitted('h1')).toBe(false);
    // The next group runs as usual.
    await groupedWriteTransaction(db, (trx) => addCompany(trx, 'h2'));
    expect(await isCommitted('h2')).toBe(true);
  });
});
