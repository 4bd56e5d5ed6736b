/**
 * Speed trick, fenced here: queries compiled once by Kysely with marker strings standing for the
 * arguments (arg(n)); the compiled parameters are matched against the markers to know where each
 * call's arguments go. It relies on Kysely passing a string value through to the parameters
 * unchanged and in order. Gain: building and compiling a statement of hundreds of values cost
 * several times running it; it is part of the sync write path measured in a74a492 (the
 * server-write bench's write.sync_resets_ms), with no figure of its own. compiled-read.test.ts
 * fails when an upgraded Kysely moves, merges or rewrites the markers.
 */
import { CompiledQuery, type Compilable, type DialectAdapter, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

const ARG = '\u0000seat-portal-arg:';

/**
 * Where the n-th argument goes in a query built to be compiled once. Typed as whatever the place
 * expects; at run time a marker the compiled parameters are matched against.
 */
export const arg = <T = string>(n: number): T => `${ARG}${n}` as T;

/** The places of `count` arguments from the `from`-th on: an IN list compiled for that many values. */
export const args = <T = string>(from: number, count: number): T[] =>
  Array.from({ length: count }, (_, i) => arg<T>(from + i));

/**
 * Row `r` of a multi-row insert compiled once: column j of it takes argument r * columns + j, so
 * the arguments are the rows' values one row after another (see rowValues).
 */
export function rowPlaces<C extends string>(columns: readonly C[], r: number): Record<C, never> {
  return Object.fromEntries(columns.map((c, j) => [c, arg(r * columns.length + j)])) as Record<C, never>;
}

/** The arguments of a multi-row insert compiled with rowPlaces: each row's values in column order. */
export const rowValues = <C extends string>(columns: readonly C[], rows: ReadonlyArray<Record<C, unknown>>) =>
  rows.flatMap((row) => columns.map((c) => row[c]));

type Slot = { arg: number } | { value: unknown };

/** A query's SQL text and, per parameter, the argument or the constant it takes. */
export interface Compiled {
  sql: string;
  slots: Slot[];
}

/** Compiles a query built with arg() places, noting which parameter takes which argument. */
export function compile(query: Compilable<unknown>): Compiled {
  const { sql, parameters } = query.compile();
  const slots = parameters.map((p): Slot =>
    typeof p === 'string' && p.startsWith(ARG) ? { arg: Number(p.slice(ARG.length)) } : { value: p },
  );
  return { sql, slots };
}

/** The compiled query's parameters for these arguments. */
export const bind = (query: Compiled, values: readonly unknown[]): unknown[] =>
  query.slots.map((slot) => ('arg' in slot ? values[slot.arg] : slot.value));

/**
 * A query Kysely builds and compiles once per database kind and size (the values of an IN list,
 * the rows of a multi-row insert), then runs through `db` (the database, or a transaction's
 * connection) with new arguments only: building and compiling a statement of hundreds of values
 * cost several times what the database takes to run it. Sizes are bounded by the callers' slices
 * (at most 500 values), so are the compiled variants.
 */
export function compiledQuery<R>(build: (db: Kysely<Database>, size: number) => Compilable<R>) {
  const compiled = new WeakMap<DialectAdapter, Map<number, Compiled>>();
  return (db: Kysely<Database>, size: number, values: readonly unknown[]): Promise<QueryResult<R>> => {
    // Per dialect adapter: transactions share their database's, and the SQL text depends on nothing else.
    const adapter = db.getExecutor().adapter;
    let bySize = compiled.get(adapter);
    if (!bySize) compiled.set(adapter, (bySize = new Map()));
    let query = bySize.get(size);
    if (!query) bySize.set(size, (query = compile(build(db, size))));
    return db.executeQuery<R>(CompiledQuery.raw(query.sql, bind(query, values)));
  };
}
