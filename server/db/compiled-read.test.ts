import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDatabasePath } from '../../tests/support/portal-server';
import { args, compiledQuery, rowPlaces, rowValues } from './compiled';
import { arg, compiledRead } from './compiled-read';
import { openDatabase, type Db } from './connect';
import { migrateToLatest } from './migrate';
import { writeTransaction } from './transaction';

let db: Db;
beforeAll(async () => {
  db = await openDatabase(`sqlite:${tempDatabasePath()}`);
  await migrateToLatest(db);
  for (const [id, publicId] of [
    ['c1', 'Acme'],
    ['c2', 'Bolt'],
  ] as const)
    await db.kysely
      .insertInto('companies')
      .values({ id, public_id: publicId, public_id_key: publicId.toLowerCase(), name: publicId, created_at: 'x' })
      .execute();
});
afterAll(() => db.close());

// Arguments in another order than they appear, one of them twice, and a constant between.
const companyNamed = compiledRead((k) =>
  k
    .selectFrom('companies')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('public_id_key', '=', arg(1)), eb('id', '=', arg(0))]))
    .where('created_at', '=', 'x')
    .where('public_id_key', '=', arg(1)),
);

describe('compiledRead', () => {
  it('puts each call’s arguments where arg(n) stands, however often and in whatever order', async () => {
    expect(await companyNamed(db.kysely, 'none', 'acme')).toEqual([{ id: 'c1', name: 'Acme' }]);
    expect(await companyNamed(db.kysely, 'none', 'bolt')).toEqual([{ id: 'c2', name: 'Bolt' }]);
    expect(await companyNamed(db.kysely, 'c1', 'nobody')).toEqual([]);
  });

  it('reads committed data only, except inside a transaction, which sees its own writes', async () => {
    await writeTransaction(db, async (trx) => {
      await trx
        .insertInto('companies')
        .values({ id: 'c3', public_id: 'Cord', public_id_key: 'cord', name: 'Cord', created_at: 'x' })
        .execute();
      expect(await companyNamed(trx, 'none', 'cord')).toEqual([{ id: 'c3', name: 'Cord' }]);
      expect(await companyNamed(db.kysely, 'none', 'cord')).toEqual([]);
    });
    expect(await companyNamed(db.kysely, 'none', 'cord')).toEqual([{ id: 'c3', name: 'Cord' }]);
  });
});

const COLUMNS = ['id', 'public_id', 'public_id_key', 'name', 'created_at'] as const;
const insertCompanies = compiledQuery((k, rows) =>
  k.insertInto('companies').values(Array.from({ length: rows }, (_, r) => rowPlaces(COLUMNS, r))),
);
const namesOf = compiledQuery((k, n) =>
  k.selectFrom('companies').select('name').where('id', 'in', args(0, n)).orderBy('name'),
);
const company = (id: string) => ({ id, public_id: id, public_id_key: id, name: `Name ${id}`, created_at: 'x' });

describe('compiledQuery', () => {
  it('runs each size of an insert or an IN list with its own values, in a transaction or not', async () => {
    await writeTransaction(db, async (trx) => {
      await insertCompanies(trx, 2, rowValues(COLUMNS, [company('q1'), company('q2')]));
      expect((await namesOf(trx, 2, ['q2', 'q1'])).rows).toEqual([{ name: 'Name q1' }, { name: 'Name q2' }]);
    });
    await insertCompanies(db.kysely, 1, rowValues(COLUMNS, [company('q3')]));
    expect((await namesOf(db.kysely, 1, ['q3'])).rows).toEqual([{ name: 'Name q3' }]);
    expect((await namesOf(db.kysely, 3, ['q3', 'none', 'q1'])).rows).toEqual([
      { name: 'Name q1' },
      { name: 'Name q3' },
    ]);
  });
});
