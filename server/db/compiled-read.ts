import { CompiledQuery, type Compilable, type DialectAdapter, type Kysely } from 'kysely';
import { readConnectionOf } from './connect';
import type { Database } from './schema';

const ARG = '\u0000seat-portal-arg:';

/**
 * Where the n-th argument goes in a query built for compiledRead. Typed as whatever the place
 * expects; at run time a marker the compiled parameters are matched against.
 */
export const arg = <T = string>(n: number): T => `${ARG}${n}` as T;

type Slot = { arg: number } | { value: unknown };

/**
 * A SELECT that Kysely builds and compiles once per database kind, then runs with new arguments
 * only: on the hot read paths (the session check, /status) building and compiling a query cost
 * more than running it. On a SQLite file it runs on the read-only connection (connect.ts), as a
 * statement prepared once; elsewhere (PostgreSQL, inside a transaction) through Kysely.
 */
export function compiledRead<R>(build: (db: Kysely<Database>) => Compilable<R>) {
  // Per dialect adapter: transactions share their database's, and the SQL text depends on nothing else.
  const compiled = new WeakMap<DialectAdapter, { sql: string; slots: Slot[] }>();
  return async (db: Kysely<Database>, ...args: unknown[]): Promise<R[]> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      const { sql, parameters } = build(db).compile();
      const slots = parameters.map((p): Slot =>
        typeof p === 'string' && p.startsWith(ARG) ? { arg: Number(p.slice(ARG.length)) } : { value: p },
      );
      query = { sql, slots };
      compiled.set(adapter, query);
    }
    const parameters = query.slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.value));
    const reader = readConnectionOf(db);
    if (reader) return reader.prepare(query.sql).all(parameters) as R[];
    return (await db.executeQuery<R>(CompiledQuery.raw(query.sql, parameters))).rows;
  };
}
