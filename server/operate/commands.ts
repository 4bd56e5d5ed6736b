import { required } from '../admin/args';
import { LICENSE_FILE_COMMANDS } from '../admin/license-file-commands';
import { formatHuman } from '../admin/format';
import { databaseUrl, withDatabase } from '../command-line/database';
import type { CommandSpec, Flags } from '../command-line/run';
import { parseDatabaseUrl } from '../db/dialect';
import { backupPostgres, backupSqlite, restoreSqlite, type BackupSummary, type RestoreSummary } from './backup';
import { OperateError } from './errors';
import { migrateToPostgres, type MigrateSummary } from './to-postgres';

/** One command of the operator's CLI (`npm run admin`, admin-cli.ts). */
export interface AdminCommand extends CommandSpec {
  run(flags: Flags, positionals: string[]): Promise<unknown>;
}

const str = { type: 'string' } as const;

function sqliteOnly(what: string): string {
  const database = parseDatabaseUrl(databaseUrl());
  if (database.dialect !== 'sqlite') throw new OperateError(what);
  return database.location;
}

/**
 * What is the customer's in the vendor tool (importing a signed file, which files the server runs
 * on, the server key's fingerprint to send the vendor): the same command in the operator's CLI too.
 */
function fromVendorTool(name: string): AdminCommand {
  const command = LICENSE_FILE_COMMANDS[name]!;
  return { usage: command.usage, options: command.options, run: (f) => withDatabase((db) => command.run(db, f)) };
}

export const ADMIN_COMMANDS: Record<string, AdminCommand> = {
  backup: {
    usage: 'backup --to FILE   (a consistent copy while the server runs: SQLite, or pg_dump on PostgreSQL)',
    options: { to: str },
    run: async (f) => {
      const to = required(f, 'to');
      const database = parseDatabaseUrl(databaseUrl());
      return database.dialect === 'sqlite'
        ? backupSqlite(database.location, to)
        : backupPostgres(database.location, to);
    },
  },
  restore: {
    usage: "restore --from FILE   (put a backup in the database's place: SQLite, with the server stopped)",
    options: { from: str },
    run: async (f) => {
      const from = required(f, 'from');
      const location = sqliteOnly(
        'on PostgreSQL restore a pg_dump backup with `pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE` while the servers are stopped',
      );
      return restoreSqlite(location, from);
    },
  },
  migrate: {
    usage: 'migrate --to postgres://...   (copy the SQLite database into an empty PostgreSQL one, and check it)',
    options: { to: str },
    run: (f) => migrateToPostgres(databaseUrl(), required(f, 'to')),
  },
  'license-file import': {
    usage:
      "license-file import FILE [--company X]   (a license file the vendor signed, checked against the vendor keys the server trusts; --company: refuse another company's)",
    options: { company: str },
    positionals: ['FILE'],
    // The vendor tool's import, the same checks and the same refusals.
    run: (f, [file]) =>
      withDatabase((db) =>
        LICENSE_FILE_COMMANDS['license-file import']!.run(db, {
          file,
          ...(typeof f.company === 'string' ? { company: f.company } : {}),
        }),
      ),
  },
  'license-file status': fromVendorTool('license-file status'),
  'server key': fromVendorTool('server key'),
};

/** The output for people of an admin command. */
export function adminHuman(name: string, output: unknown): string {
  const o = output as Partial<BackupSummary & RestoreSummary & MigrateSummary>;
  if (name === 'migrate' && o.tables)
    return [
      `Copied into ${o.to}; every table's rows and checksum match:`,
      ...o.tables.map((t) => `  ${t.table}: ${t.rows} rows`),
      'Now start the servers with DATABASE_URL set to it.',
    ].join('\n');
  if (name === 'restore')
    return `Restored into ${o.file}${o.previous ? `; the database it replaced is kept as ${o.previous}` : ''}. Start the server.`;
  if (name === 'backup') return `Backup written to ${o.file} (${o.bytes} bytes, integrity check ok).`;
  return formatHuman(name, output);
}
