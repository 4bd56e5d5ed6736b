/**
 * Speed trick, fenced here: the hot SELECTs are compiled once by Kysely (compiled.ts) and, on a
 * SQLite file, run straight on better-sqlite3 beside Kysely: a read-only connection, statements
 * prepared once, rows read as raw arrays and named by a loop (rowsOf). Gain: building and
 * compiling cost more than running a lookup by key (measured in e5c33e8), and better-sqlite3's
 * own row objects cost a fifth of a two-query /status poll (measured in 952175e).
 * compiled-read-raw.test.ts fails when better-sqlite3 or Kysely start to return other rows here
 * than through Kysely.
 */
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Compilable, type DialectAdapter, type Kysely } from 'kysely';
import { bind, compile, type Compiled } from './compiled';
import { readConnectionOf } from './connect';
import { plannedOnce } from './planned-once';
import type { Database } from './schema';

export { arg } from './compiled';

/**
 * Rows as plain arrays, made into objects here: better-sqlite3 builds each object through V8's API,
 * name by name, which cost a fifth of a two-query /status poll; a loop over the names it reported
 * once does the same work in less.
 */
function rowsOf(statement: SQLite.Statement<unknown[], unknown[]>) {
  const names = statement
    .raw(true)
    .columns()
    .map((c) => c.name);
  return (parameters: unknown[]) =>
    statement.all(parameters).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
      return row;
    });
}

/**
 * A SELECT that Kysely builds and compiles once per database kind, then runs with new arguments
 * only: on the hot read paths (the session check, /status) building and compiling a query cost
 * more than running it. On a SQLite file it runs on the read-only connection (connect.ts), as a
 * statement prepared once; elsewhere (PostgreSQL, inside a transaction) through Kysely.
 */
export function compiledRead<R>(build: (db: Kysely<Database>) => Compilable<R>) {
  // Per dialect adapter: transactions share their database's, and the SQL text depends on nothing else.
  const compiled = new WeakMap<DialectAdapter, Compiled>();
  // Prepared once per read connection (one per SQLite database).
  const readers = new WeakMap<object, ReturnType<typeof rowsOf>>();
  return async (db: Kysely<Database>, ...args: unknown[]): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) compiled.set(adapter, (query = compile(build(db))));
    const parameters = bind(query, args);
    const reader = readConnectionOf(db);
    if (reader) {
      let rows = readers.get(reader);
      if (!rows) readers.set(reader, (rows = rowsOf(reader.prepare<unknown[], unknown[]>(plannedOnce(query.sql)))));
      return rows(parameters) as R[];
    }
    return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters))).rows;
  };
}

/**
 * As compiledRead, but each row an array of its values in the order selected: a reader that only
 * passes values on (a list page of JSON texts the database made) needs no object per row.
 */
export function compiledRowsRead(build: (db: Kysely<Database>) => Compilable<unknown>) {
  const compiled = new WeakMap<DialectAdapter, Compiled>();
  const readers = new WeakMap<object, SQLite.Statement<unknown[], unknown[]>>();
  return async (db: Kysely<Database>, ...args: unknown[]): Promise<unknown[][]> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) compiled.set(adapter, (query = compile(build(db))));
    const parameters = bind(query, args);
    const reader = readConnectionOf(db);
    if (reader) {
      let statement = readers.get(reader);
      if (!statement)
        readers.set(reader, (statement = reader.prepare<unknown[], unknown[]>(plannedOnce(query.sql)).raw(true)));
      return statement.all(parameters);
    }
    const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(query.sql, parameters));
    return rows.map((row) => Object.values(row));
  };
}
