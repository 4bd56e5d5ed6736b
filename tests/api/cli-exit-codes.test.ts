import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { demoVendorKey, nextFile } from '../support/license-files';
import { runCli, tempDatabasePath } from '../support/portal-server';
import { DEMO, startTestServer } from './fixtures';

/**
 * Both command lines (`npm run vendor`, `npm run admin`) as real processes on a real SQLite file
 * (the seeded demo, its license file signed with the demo vendor key): 0 done, 1 refused (an
 * unknown company, license, user or file, the message naming it), 2 a bad command line.
 */
vi.setConfig({ testTimeout: 120_000 });

const databasePath = tempDatabasePath();
let licenseId: string;
let demoKeyPath: string;

beforeAll(async () => {
  const server = await startTestServer({ databaseUrl: `sqlite:${databasePath}` });
  try {
    licenseId = (await server.db.kysely.selectFrom('licenses').select('id').executeTakeFirstOrThrow()).id;
    demoKeyPath = server.licensing.demoSignedWith!;
    // The vendor's next file for the demo company (a quantity of 7), not yet imported anywhere.
    const { file } = await nextFile(server.db, DEMO.companyId, demoVendorKey(demoKeyPath), (p) => {
      p.licenses[0]!.quantity = 7;
    });
    writeFileSync(nextFilePath(), `${file}\n`);
  } finally {
    await server.stop();
  }
}, 120_000);

const nextFilePath = () => join(dirname(databasePath), 'codeglass-next.jwt');

interface Run {
  code: number | null;
  stdout: string;
  /** What stderr said, from `{"error": ...}` (every run here is --json). */
  error: string;
}

async function run(entry: 'cli' | 'admin-cli', args: string[]): Promise<Run> {
  const { code, stdout, stderr } = await runCli(entry, `sqlite:${databasePath}`, args, { VENDOR_KEY_FILE: '' });
  let error = stderr.trim();
  try {
    error = (JSON.parse(error) as { error: string }).error;
  } catch {
    // not JSON: a crash, keep the text
  }
  return { code, stdout, error };
}

const vendor = (...args: string[]) => run('cli', args);
const admin = (...args: string[]) => run('admin-cli', args);

describe('the vendor CLI refuses an unknown target with exit 1, naming it', () => {
  const someone = 'someone@codeglass.example';
  it.concurrent.each([
    [['license', 'list', '--company', 'Nope'], 'license list: --company: no company "Nope"'],
    [['audit', '--company', 'Nope'], 'audit: --company: no company "Nope"'],
    [['audit', '--license', 'nope'], 'audit: --license: no license "nope"'],
    [['license', 'change', '--license', 'nope', '--quantity', '2'], 'license change: --license: no license "nope"'],
    [['license', 'lift-deactivation-limit', '--license', 'nope'], '--license: no license "nope"'],
    [
      ['user', 'make-manager', '--license', 'nope', '--email', someone],
      'user make-manager: --license: no license "nope"',
    ],
    [['user', 'create', '--company', 'Nope', '--email', someone], 'user create: --company: no company "Nope"'],
    [['company', 'links', '--company', 'Nope', '--clear'], 'company links: --company: no company "Nope"'],
    [['license-file', 'export', '--company', 'Nope', '--out', '/tmp/never.jwt'], '--company: no company "Nope"'],
    [['grant', '--license', 'nope', '--reset'], 'grant: --license: no license "nope"'],
    [
      [
        ...['license', 'create', '--company', 'Nope', '--kind', 'organization', '--type', 'subscription'],
        ...['--quantity', '1', '--max-activations', '1', '--max-deactivations', '1', '--valid-until', 'never'],
        ...['--manager', someone],
      ],
      'license create: --company: no company "Nope"',
    ],
  ])('%j', async (args, message) => {
    const answer = await vendor(...args);
    expect(answer.error).toContain(message);
    expect(answer.code).toBe(1);
  });

  it('and an unknown user of a known license, and a license of another company than the one named', async () => {
    const nobody = await vendor('user', 'make-manager', '--license', licenseId, '--email', 'nobody@codeglass.example');
    expect(nobody).toMatchObject({ code: 1, error: expect.stringContaining('no user nobody@codeglass.example') });
    await vendor('company', 'create', '--company-id', 'Acme', '--name', 'Acme Corp');
    const elsewhere = await vendor('audit', '--company', 'Acme', '--license', licenseId);
    expect(elsewhere).toMatchObject({
      code: 1,
      error: expect.stringContaining(`license "${licenseId}" is not one of company "Acme"`),
    });
    // A known one still answers.
    const known = await vendor('audit', '--company', 'codeglass', '--license', licenseId, '--limit', '1');
    expect(known.code).toBe(0);
    expect(JSON.parse(known.stdout).events).toHaveLength(1);
  });
});

describe('both CLIs answer a bad command line with exit 2 and the usage', () => {
  it.concurrent.each([
    ['vendor', ['launch', 'rockets'], 'unknown command "launch rockets"'],
    ['vendor', ['license', 'list', '--colour', 'red'], "license list: Unknown option '--colour'"],
    ['vendor', ['audit', '--limit', 'many'], 'audit: --limit must be a whole number'],
    ['admin', ['launch'], 'unknown command "launch"'],
    ['admin', ['backup'], 'backup: --to is required'],
    ['admin', ['license-file', 'import'], 'license-file import: give FILE'],
    ['admin', ['license-file', 'import', 'a.jwt', 'b.jwt'], 'license-file import: unexpected argument "b.jwt"'],
  ] as const)('%s %j', async (cli, args, message) => {
    const answer = await (cli === 'vendor' ? vendor : admin)(...args);
    expect(answer.error).toContain(message);
    expect(answer.code).toBe(2);
  });
});

describe('npm run admin -- license-file import FILE', () => {
  it('imports the file the vendor sent (0), then refuses it as not newer (1); an unreadable file is refused (1)', async () => {
    const missing = await admin('license-file', 'import', join(dirname(databasePath), 'missing.jwt'));
    expect(missing).toMatchObject({ code: 1, error: expect.stringMatching(/cannot read .*missing\.jwt/) });

    const wrongCompany = await admin('license-file', 'import', nextFilePath(), '--company', 'Acme');
    expect(wrongCompany).toMatchObject({ code: 1, error: expect.stringContaining('license_file_wrong_company') });

    const imported = await admin('license-file', 'import', nextFilePath());
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ company: DEMO.companyId });
    const { licenses } = JSON.parse((await vendor('license', 'list', '--company', DEMO.companyId)).stdout);
    expect(licenses).toEqual([expect.objectContaining({ id: licenseId, quantity: 7 })]);

    const again = await admin('license-file', 'import', nextFilePath());
    expect(again).toMatchObject({ code: 1, error: expect.stringContaining('license_file_stale_serial') });
  });
});
