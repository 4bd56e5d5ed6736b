import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { plannedOnce } from './planned-once';

/** Enough for every query the server writes, plus the variants of its `in (...)` lists. */
const MAX_STATEMENTS = 500;

/**
 * better-sqlite3 as Kysely's driver sees it, with each SQL text prepared once: Kysely prepares
 * every query it runs, and preparing (parsing and planning) costs more than running a lookup by
 * key. Statements run synchronously to completion (Kysely's SQLite driver uses all() and run();
 * nothing here streams), so one statement is never in use twice at once. Least recently used
 * texts are dropped past MAX_STATEMENTS. Each is planned once (planned-once.ts).
 */
export function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(plannedOnce(sql));
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
