import { parseArgs } from 'node:util';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { COMMANDS } from './admin/commands';
import { UsageError } from './admin/args';
import { VendorError } from './admin/operations';
import { formatHuman } from './admin/format';

/**
 * The vendor's CLI (rule 8): `npm run vendor -- <command> [options] [--json]`, on the database of
 * DATABASE_URL like the server. Exit 0 done, 1 refused (e.g. unknown license), 2 bad arguments.
 */
function usage(): string {
  return [
    'Usage: npm run vendor -- <command> [options] [--json]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  const name = [words.join(' '), words[0] ?? ''].find((n) => n in COMMANDS);
  const json = argv.includes('--json');
  if (!name || argv.includes('--help')) {
    (name || argv.includes('--help') ? console.log : console.error)(usage());
    return name || argv.includes('--help') ? 0 : 2;
  }
  const command = COMMANDS[name]!;
  const rest = argv.slice(argv.indexOf(name.split(' ').at(-1)!) + 1);
  let flags;
  try {
    flags = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(2, `${name}: ${(error as Error).message}\nUsage: npm run vendor -- ${command.usage}`, json);
  }
  const db = await openDatabase(process.env.DATABASE_URL || 'sqlite:./data/portal.db');
  try {
    await migrateToLatest(db);
    const output = await command.run(db, flags);
    console.log(json ? JSON.stringify(output, null, 2) : formatHuman(name, output));
    return 0;
  } catch (error) {
    if (error instanceof UsageError)
      return fail(2, `${name}: ${error.message}\nUsage: npm run vendor -- ${command.usage}`, json);
    if (error instanceof VendorError) return fail(1, `${name}: ${error.message}`, json);
    throw error;
  } finally {
    await db.close();
  }
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
