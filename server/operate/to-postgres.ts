import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Db } from '../db/connect';
import { parseDatabaseUrl } from '../db/dialect';
import { migrateToLatest, migrationState } from '../db/migrate';
import { digestRows, type TableDigest } from './checksum';
import { OperateError } from './errors';
import { sqliteInUse } from './sqlite-lock';

export interface MigrateSummary {
  from: string;
  to: string;
  tables: Array<{ table: string } & TableDigest>;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 500;

/**
 * Copies a SQLite database into an empty PostgreSQL one, every table and row as it is: ids,
 * license versions (so the clients' list cursors continue), tombstones, stored sync answers,
 * sessions (clients stay signed in), sign-in limits and the activity. The target gets this
 * version's schema first; the rows go in one transaction; then each table's row count and
 * checksum are compared on both sides. Refuses a target that holds anything, and a source a
 * server has open (it could change during the copy).
 */
export async function migrateToPostgres(sourceUrl: string, targetUrl: string): Promise<MigrateSummary> {
  const source = parseDatabaseUrl(sourceUrl);
  if (source.dialect !== 'sqlite' || source.location === ':memory:')
    throw new OperateError('DATABASE_URL must name the SQLite file to copy (sqlite:PATH)');
  if (!/^postgres(ql)?:\/\//.test(targetUrl))
    throw new OperateError('--to must be a PostgreSQL URL (postgres://user:password@host/database)');
  if (sqliteInUse(source.location))
    throw new OperateError(`${source.location} is in use (a server has it open); stop the server first`);

  const from = await openDatabase(sourceUrl);
  let to: Db | undefined;
  try {
    const state = await migrationState(from);
    if (state.unknown.length > 0)
      throw new OperateError(`the SQLite database is from a newer version (${state.unknown.join(', ')})`);
    if (state.pending.length > 0) await migrateToLatest(from);
    to = await openDatabase(targetUrl);
    const existing = await userTables(to.kysely);
    if (existing.length > 0)
      throw new OperateError(
        `the PostgreSQL database is not empty (tables ${existing.slice(0, 5).join(', ')}${existing.length > 5 ? ', ...' : ''}); give an empty database`,
      );
    await migrateToLatest(to);

    const reader = new SQLite(source.location, { readonly: true, fileMustExist: true });
    try {
      const tables = tablesInOrder(reader);
      await to.kysely.transaction().execute(async (trx) => {
        for (const table of tables) await copyTable(reader, trx, table);
        await resetIdentities(trx);
      });
      const summary: MigrateSummary['tables'] = [];
      for (const table of tables) {
        const before = digestRows(reader.prepare(`select * from "${table}"`).all() as Array<Record<string, unknown>>);
        const after = digestRows(
          (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(to.kysely)).rows,
        );
        if (before.rows !== after.rows || before.sha256 !== after.sha256)
          throw new OperateError(
            `table ${table} differs after the copy (${before.rows} rows, ${after.rows} in PostgreSQL); the PostgreSQL database is not to be used`,
          );
        summary.push({ table, ...after });
      }
      return { from: source.location, to: redactPassword(targetUrl), tables: summary };
    } finally {
      reader.close();
    }
  } finally {
    await from.close();
    await to?.close();
  }
}

/** The application's tables, parents before children (foreign keys), without Kysely's own. */
function tablesInOrder(db: SQLite.Database): string[] {
  const names = (
    db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
      )
      .all() as Array<{ name: string }>
  ).map((r) => r.name);
  const parents = new Map(
    names.map((name) => [
      name,
      (db.prepare(`select "table" as parent from pragma_foreign_key_list(?)`).all(name) as Array<{ parent: string }>)
        .map((r) => r.parent)
        .filter((p) => p !== name),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables are read by name, whatever their columns
async function copyTable(reader: SQLite.Database, trx: Kysely<any>, table: string): Promise<void> {
  const rows = reader.prepare(`select * from "${table}"`).iterate() as IterableIterator<Record<string, unknown>>;
  let batch: Array<Record<string, unknown>> = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await trx.insertInto(table).values(batch).execute();
      batch = [];
    }
  }
  if (batch.length > 0) await trx.insertInto(table).values(batch).execute();
}

/** Identity columns (the activity's ids) continue after the copied ones. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function resetIdentities(trx: Kysely<any>): Promise<void> {
  const identities = await sql<{ table_name: string; column_name: string }>`select table_name, column_name
    from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`.execute(trx);
  for (const { table_name: table, column_name: column } of identities.rows)
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function userTables(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() order by table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

/** A URL to print: without its password. */
function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}
