import { CompiledQuery, type Compilable, type DialectAdapter, type Kysely } from 'kysely';
import { bind, compile, type Compiled } from './compiled';
import { readConnectionOf } from './connect';
import type { Database } from './schema';

export { arg } from './compiled';

/**
 * A SELECT that Kysely builds and compiles once per database kind, then runs with new arguments
 * only: on the hot read paths (the session check, /status) building and compiling a query cost
 * more than running it. On a SQLite file it runs on the read-only connection (connect.ts), as a
 * statement prepared once; elsewhere (PostgreSQL, inside a transaction) through Kysely.
 */
export function compiledRead<R>(build: (db: Kysely<Database>) => Compilable<R>) {
  // Per dialect adapter: transactions share their database's, and the SQL text depends on nothing else.
  const compiled = new WeakMap<DialectAdapter, Compiled>();
  return async (db: Kysely<Database>, ...args: unknown[]): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) compiled.set(adapter, (query = compile(build(db))));
    const parameters = bind(query, args);
    const reader = readConnectionOf(db);
    if (reader) return reader.prepare(query.sql).all(parameters) as R[];
    return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters))).rows;
  };
}
