import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, type DialectAdapter, type Dialect } from 'kysely';
import { parseDatabaseUrl, type DialectName } from './dialect';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** `kysely` is a write transaction already: writeTransaction on this Db runs inside it (see inTransaction). */
  inTransaction?: boolean;
  close(): Promise<void>;
}

const readers = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The read-only connection beside a SQLite file's Kysely connection (see openReader), for queries
 * made on `db` itself; undefined for PostgreSQL, `:memory:` and transactions (which must read
 * through their own connection).
 */
export const readConnectionOf = (db: Kysely<Database>): SQLite.Database | undefined => readers.get(db);

/** Opens the database a DATABASE_URL names; SQLite files (and their folder) are created. */
export async function openDatabase(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'postgres') {
    const kysely = new Kysely<Database>({ dialect: await postgresDialect(target.location) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  const kysely = new Kysely<Database>({ dialect: sqliteDialect(target.location) });
  const reader = target.location === ':memory:' ? undefined : openReader(target.location);
  if (reader) readers.set(kysely, reader);
  let closing: Promise<void> | undefined;
  return {
    kysely,
    dialect: 'sqlite',
    close: () =>
      (closing ??= kysely.destroy().then(() => {
        reader?.close();
      })),
  };
}

/**
 * A second, read-only connection for the hot reads (the session check, /status): Kysely runs
 * every query of its one SQLite connection one after another behind a lock, so a read would wait
 * for any write transaction in progress (awaiting between its statements), and inside one would
 * see its uncommitted writes. Under WAL a reader has its own snapshot of committed data and never
 * waits for the writer.
 */
function openReader(path: string): SQLite.Database {
  const reader = new SQLite(path, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  return reader;
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
  return new TransactionalDdlSqliteDialect({ database: withStatementCache(database) });
}

/**
 * SQLite rolls DDL back like any other statement, but Kysely's adapter says it does not, so its
 * Migrator would run migrations outside a transaction and a failing one could leave half a schema.
 * The flag is read by the Migrator only.
 */
class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}

async function postgresDialect(connectionString: string): Promise<Dialect> {
  // Loaded only when asked for, so the embedded SQLite setup never needs the pg package.
  const pg = await import('pg');
  return new PostgresDialect({ pool: new pg.default.Pool({ connectionString, max: 10 }) });
}
