import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../db/connect';
import { migrationState } from '../db/migrate';
import { OperateError } from './errors';
import { sqliteInUse } from './sqlite-lock';

export interface BackupSummary {
  file: string;
  bytes: number;
  integrity: 'ok';
  /** The schema's migrations in the copy (restore needs a version that knows them all). */
  migrations: string[];
}

/**
 * A consistent copy of a SQLite database while the server serves it: SQLite's online backup API
 * copies the pages of one snapshot (a write meanwhile makes it start over, so the copy holds
 * exactly the transactions committed when it finished). Written beside the target and renamed
 * into place once `PRAGMA integrity_check` says ok, as one self-contained file (no -wal beside it).
 */
export async function backupSqlite(path: string, to: string): Promise<BackupSummary> {
  if (!existsSync(path)) throw new OperateError(`there is no database at ${path}`);
  if (existsSync(to)) throw new OperateError(`${to} exists; give a new file name (a backup never overwrites)`);
  const partial = join(dirname(to), `.${basename(to)}.partial`);
  rmSync(partial, { force: true });
  const source = new SQLite(path, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new SQLite(partial);
  let migrations: string[];
  try {
    copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new OperateError(`the copy failed its integrity check (${String(integrity)})`);
    migrations = (copy.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map(
      (r) => r.name,
    );
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  renameSync(partial, to);
  return { file: to, bytes: statSync(to).size, integrity: 'ok', migrations };
}

export interface RestoreSummary {
  file: string;
  /** Where the database that was there went (null: there was none). */
  previous: string | null;
  migrations: string[];
}

/**
 * Puts a backup in the database's place. Refuses while a program (a server, the vendor CLI) has
 * the database open, and a backup that fails its integrity check or comes from a newer version.
 * The database it replaces is kept beside it (`<file>.before-restore-<time>`); the server
 * migrates an older backup when it starts.
 */
export async function restoreSqlite(path: string, from: string): Promise<RestoreSummary> {
  if (!existsSync(from)) throw new OperateError(`there is no backup at ${from}`);
  let integrity: unknown;
  try {
    const backup = new SQLite(from, { readonly: true, fileMustExist: true });
    try {
      integrity = backup.pragma('integrity_check', { simple: true });
      backup.prepare('select name from kysely_migration').all();
    } finally {
      backup.close();
    }
  } catch (error) {
    throw new OperateError(`${from} is not a Seat Portal database (${(error as Error).message})`);
  }
  if (integrity !== 'ok') throw new OperateError(`${from} fails its integrity check (${String(integrity)})`);
  const check = await openDatabase(`sqlite:${from}`);
  const state = await migrationState(check).finally(() => check.close());
  if (state.unknown.length > 0)
    throw new OperateError(
      `${from} was made by a newer version of Seat Portal (migrations ${state.unknown.join(', ')}); restore it with that version`,
    );
  if (existsSync(path) && sqliteInUse(path))
    throw new OperateError(`${path} is in use (a server or another program has it open); stop it first`);

  const partial = join(dirname(path), `.${basename(path)}.restoring`);
  rmSync(partial, { force: true });
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  let previous: string | null = null;
  if (existsSync(path)) {
    previous = `${path}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, previous);
    // A -wal left by a crash belongs to the old file: it goes with it, or SQLite would replay it into the restored one.
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, previous + suffix);
  }
  renameSync(partial, path);
  return { file: path, previous, migrations: state.applied };
}

/**
 * PostgreSQL has its own tools for this: `pg_dump --format=custom` (consistent while the servers
 * serve; restore with `pg_restore --clean --if-exists --dbname URL FILE`). Wrapped when on PATH.
 */
export function backupPostgres(url: string, to: string): BackupSummary {
  if (existsSync(to)) throw new OperateError(`${to} exists; give a new file name (a backup never overwrites)`);
  const run = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${to}`, `--dbname=${url}`], {
    encoding: 'utf8',
  });
  if (run.error)
    throw new OperateError(
      'on PostgreSQL the backup is pg_dump\'s (PostgreSQL\'s client tools), which is not on PATH: install them, or run `pg_dump --format=custom --file=FILE "$DATABASE_URL"`',
    );
  if (run.status !== 0) throw new OperateError(`pg_dump failed: ${run.stderr.trim()}`);
  return { file: to, bytes: statSync(to).size, integrity: 'ok', migrations: [] };
}
