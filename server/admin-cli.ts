import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from './db/dialect';
import { backupPostgres, backupSqlite, restoreSqlite, type BackupSummary, type RestoreSummary } from './operate/backup';
import { OperateError } from './operate/errors';
import { migrateToPostgres, type MigrateSummary } from './operate/to-postgres';

/**
 * The operator's CLI: `npm run admin -- <command> [--json]`, on the database of DATABASE_URL like
 * the server. Exit 0 done, 1 refused (the message says why), 2 bad arguments.
 */
const USAGE = [
  'Usage: npm run admin -- <command> [--json]',
  '',
  '  backup --to FILE            a consistent copy while the server runs (SQLite; pg_dump on PostgreSQL)',
  "  restore --from FILE         put a backup in the database's place (SQLite; the server must be stopped)",
  '  migrate --to postgres://... copy the SQLite database into an empty PostgreSQL one, and check it',
].join('\n');

const COMMANDS = {
  backup: { flag: 'to' },
  restore: { flag: 'from' },
  migrate: { flag: 'to' },
} as const;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || rest.includes('--help')) {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  if (!(name in COMMANDS)) return fail(2, `Unknown command "${name}".\n${USAGE}`, argv.includes('--json'));
  const command = COMMANDS[name as keyof typeof COMMANDS];
  let values: { to?: string; from?: string; json?: boolean };
  try {
    values = parseArgs({
      args: rest,
      options: { [command.flag]: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values as typeof values;
  } catch (error) {
    return fail(2, `${name}: ${(error as Error).message}\n${USAGE}`, argv.includes('--json'));
  }
  const json = values.json === true;
  const target = values[command.flag];
  if (!target) return fail(2, `${name}: --${command.flag} is required\n${USAGE}`, json);
  const databaseUrl = process.env.DATABASE_URL || 'sqlite:./data/portal.db';
  const database = parseDatabaseUrl(databaseUrl);
  try {
    const output =
      name === 'migrate'
        ? await migrateToPostgres(databaseUrl, target)
        : name === 'backup'
          ? database.dialect === 'sqlite'
            ? await backupSqlite(database.location, target)
            : backupPostgres(database.location, target)
          : database.dialect === 'sqlite'
            ? await restoreSqlite(database.location, target)
            : refusePostgresRestore();
    console.log(json ? JSON.stringify(output, null, 2) : human(name, output));
    return 0;
  } catch (error) {
    if (error instanceof OperateError) return fail(1, error.message, json);
    throw error;
  }
}

function refusePostgresRestore(): never {
  throw new OperateError(
    'restore: on PostgreSQL restore a pg_dump backup with `pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE` while the servers are stopped',
  );
}

function human(name: string, output: BackupSummary | RestoreSummary | MigrateSummary): string {
  if ('tables' in output)
    return [
      `Copied into ${output.to}; every table's rows and checksum match:`,
      ...output.tables.map((t) => `  ${t.table}: ${t.rows} rows`),
      'Now start the servers with DATABASE_URL set to it.',
    ].join('\n');
  if ('previous' in output)
    return `Restored into ${output.file}${output.previous ? `; the database it replaced is kept as ${output.previous}` : ''}. Start the server.`;
  return `${name === 'backup' ? 'Backup' : name} written to ${output.file} (${output.bytes} bytes, integrity check ok).`;
}

function fail(code: number, message: string, json: boolean): number {
  console.error(json ? JSON.stringify({ error: message }) : message);
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
