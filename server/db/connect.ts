import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect, type SqliteDatabase } from 'kysely';
import { parseDatabaseUrl, type DialectName } from './dialect';
import type { Database } from './schema';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

/** Opens the database a DATABASE_URL names; SQLite files (and their folder) are created. */
export async function openDatabase(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  const dialect =
    target.dialect === 'postgres' ? await postgresDialect(target.location) : sqliteDialect(target.location);
  const kysely = new Kysely<Database>({ dialect });
  return { kysely, dialect: target.dialect, close: () => kysely.destroy() };
}

function sqliteDialect(path: string): Dialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  // WAL lets readers (the vendor CLI, a second process) work beside the server; busy_timeout
  // makes a writer wait for the lock instead of failing at once.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // FULL: a command's stored result (and so its exactly-once guarantee) survives a power loss
  // once the client has been told it applied; NORMAL could lose the last commits under WAL.
  database.pragma('synchronous = FULL');
  return new SqliteDialect({ database: withStatementCache(database) });
}

/** Statements kept per connection: the sync path's few hot statements, with room to spare. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * better-sqlite3 compiles SQL text into a statement on every prepare(); the same few statements
 * run thousands of times in one sync request, so each text is prepared once and reused (the
 * oldest is dropped when the cache is full). Kysely only calls prepare, all, run and iterate.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}

async function postgresDialect(connectionString: string): Promise<Dialect> {
  // Loaded only when asked for, so the embedded SQLite setup never needs the pg package.
  const pg = await import('pg');
  return new PostgresDialect({ pool: new pg.default.Pool({ connectionString, max: 10 }) });
}
