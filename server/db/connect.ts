import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
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
  return new SqliteDialect({ database });
}

async function postgresDialect(connectionString: string): Promise<Dialect> {
  // Loaded only when asked for, so the embedded SQLite setup never needs the pg package.
  const pg = await import('pg');
  return new PostgresDialect({ pool: new pg.default.Pool({ connectionString, max: 10 }) });
}
