import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { plannedOnce } from './planned-once';

const db = new SQLite(':memory:');
afterAll(() => db.close());

db.exec(`create table items (id text primary key, n integer, r real, b blob, s text, flag integer)`);
db.exec(`create table tags (item_id text references items (id), tag text, primary key (item_id, tag))`);
const insert = db.prepare(plannedOnce('insert into items (id, n, r, b, s, flag) values (?, ?, ?, ?, ?, ?)'));
const rows: unknown[][] = [
  ['a', 1, 1.5, Buffer.from([0, 1, 2]), 'Äpfel', 1],
  ['b', 2, -0.25, null, "it's 100% ?", 0],
  ['c', 9_007_199_254_740_991, 0, Buffer.alloc(0), '', null],
  ['10', 10, 10, null, '10', 1],
];
for (const row of rows) insert.run(row);
for (const [item, tag] of [
  ['a', 'x'],
  ['b', 'x'],
  ['b', 'y'],
])
  db.prepare(plannedOnce('insert into tags (item_id, tag) values (?, ?)')).run(item, tag);

/** The rows of `sql` with `params`, as written and rewritten; each statement run twice, as kept ones are. */
function both(sql: string, params: unknown[]) {
  const as = db.prepare(sql);
  const rewritten = db.prepare(plannedOnce(sql));
  as.all(params);
  rewritten.all(params);
  return { as: as.all(params), rewritten: rewritten.all(params) };
}

describe('plannedOnce (SQLite statements kept prepared are planned once)', () => {
  it('writes each parameter as +? and leaves quoted text, names and comments alone', () => {
    expect(
      plannedOnce(`select '?', 'it''s ?', "a?", [b?], \`c?\` from t where x = ? -- ?\nand y in (?,?) /* ? */ limit ?`),
    ).toBe(`select '?', 'it''s ?', "a?", [b?], \`c?\` from t where x = +? -- ?\nand y in (+?,+?) /* ? */ limit +?`);
  });

  it('stores every kind of value unchanged', () => {
    expect(db.prepare('select id, n, r, b, s, flag from items order by rowid').raw(true).all()).toEqual(rows);
  });

  it('finds the same rows for text, integer, real, blob and NULL parameters, in joins, ORDER BY, LIMIT and LIKE', () => {
    const cases: Array<[string, unknown[]]> = [
      ['select i.id, t.tag from items i join tags t on t.item_id = i.id where t.tag = ? order by i.id', ['x']],
      ['select id from items where n = ? order by id', [10]],
      ['select id from items where n = ? order by id', ['10']],
      ['select id from items where s = ? order by id', [10]],
      ['select id from items where r = ? order by id', [-0.25]],
      ['select id from items where b = ? order by id', [Buffer.from([0, 1, 2])]],
      ['select id from items where flag is ? order by id', [null]],
      ['select id from items where flag = ? order by id', [1]],
      ['select id from items where n = ? order by id', [9_007_199_254_740_991]],
      ['select id from items where s like ? order by id', ['%?%']],
      ['select id from items order by id limit ? offset ?', [2, 1]],
      [
        'select i.id from items i left join tags t on t.item_id = i.id and t.tag = ? where t.tag is null order by i.id',
        ['y'],
      ],
    ];
    for (const [sql, params] of cases) {
      const { as, rewritten } = both(sql, params);
      expect(rewritten, sql).toEqual(as);
    }
  });

  it('is written for SQLite 3.54, which plans a kept statement again after every run without it', () => {
    // When this fails, better-sqlite3 brought another SQLite: run `BENCH_ONLY=status npm run bench`
    // with and without the rewrite, and drop planned-once.ts once it no longer pays.
    const { version } = db.prepare('select sqlite_version() as version').get() as { version: string };
    expect(version).toMatch(/^3\.54\./);
  });
});
