import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabasePath } from '../../tests/support/portal-server';
import { arg, compiledRead, compiledRowsRead } from './compiled-read';
import { openDatabase, type Db } from './connect';
import { migrateToLatest } from './migrate';

/**
 * compiledRead reads SQLite through better-sqlite3 itself (raw arrays named by the columns the
 * statement reports), beside Kysely. These tests pin that path to the installed libraries: the
 * same query must give exactly the rows Kysely gives, value types and column names included.
 */
let db: Db;
beforeAll(async () => {
  db = await openDatabase(`sqlite:${tempDatabasePath()}`);
  await migrateToLatest(db);
  await db.kysely
    .insertInto('companies')
    .values([
      { id: 'c1', public_id: 'Acme', public_id_key: 'acme', name: 'Acme', created_at: '2030-01-01' },
      { id: 'c2', public_id: 'Bolt', public_id_key: 'bolt', name: 'Bolt ü', created_at: '2030-01-02' },
    ])
    .execute();
});
afterAll(() => db.close());

describe('the raw better-sqlite3 read path', () => {
  it('gives the rows Kysely gives: names from aliases, numbers, nulls and text as they are', async () => {
    const build = (k: Db['kysely'], key: string) =>
      k
        .selectFrom('companies as c')
        .leftJoin('companies as other', (join) => join.onRef('other.id', '<>', 'c.id').on('other.id', '=', 'none'))
        .select((eb) => [
          'c.id',
          'c.name as companyName',
          'other.name as otherName',
          eb.fn.countAll<number>().over().as('total'),
          eb.lit(1.5).as('half'),
        ])
        .where('c.public_id_key', '>=', key)
        .orderBy('c.id');
    const raw = compiledRead((k) => build(k, arg(0)));
    const viaKysely = await build(db.kysely, 'a').execute();
    expect(viaKysely).toHaveLength(2);
    expect(await raw(db.kysely, 'a')).toEqual(viaKysely);
    expect(Object.keys((await raw(db.kysely, 'a'))[0]!)).toEqual(Object.keys(viaKysely[0]!));
  });

  it('gives rows as value arrays in the order selected', async () => {
    const rows = compiledRowsRead((k) => k.selectFrom('companies').select(['name', 'id']).where('id', '=', arg(0)));
    expect(await rows(db.kysely, 'c2')).toEqual([['Bolt ü', 'c2']]);
  });
});
