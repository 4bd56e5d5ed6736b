import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../server/db/connect';
import {
  api,
  apiLogin,
  runVendor,
  startPortalServer,
  tempDatabasePath,
  type PortalServer,
} from '../support/portal-server';

// A database that began as the demo (a demo vendor key in its data folder) and is then served with
// the vendor's real key: only what that server trusts may change it, whatever the shell of a CLI holds.
vi.setConfig({ testTimeout: 120_000 });
let server: PortalServer;
let keys: { privateKey: string; publicKey: string; fingerprint: string };
let licenseId: string;
let databasePath: string;
/** A file signed with the demo key (the second test writes it). */
let demoFile: string;
const demoKey = () => join(dirname(databasePath), 'vendor-demo-key.pem');
const quantity = async () =>
  (await runVendor(databasePath, ['license', 'list', '--company', 'CodeGlass'])).licenses[0].quantity as number;

beforeAll(async () => {
  databasePath = tempDatabasePath();
  const demo = await startPortalServer({ databasePath });
  await demo.stop();
  keys = await runVendor(join(mkdtempSync(join(tmpdir(), 'unused-')), 'unused.db'), [
    'vendor-key',
    'create',
    '--out-dir',
    join(mkdtempSync(join(tmpdir(), 'vendor-')), 'keys'),
  ]);
  server = await startPortalServer({ databasePath, env: { VENDOR_PUBLIC_KEY_FILE: keys.publicKey } });
  licenseId = (await runVendor(databasePath, ['license', 'list', '--company', 'CodeGlass'])).licenses[0].id;
});
afterAll(() => server.stop());

describe("a server given the vendor's real key, on a database that began as the demo", () => {
  it('the demo key left in the data folder no longer signs a vendor decision from a shell without the setting', async () => {
    expect(existsSync(demoKey())).toBe(true);
    await expect(
      runVendor(databasePath, ['license', 'change', '--license', licenseId, '--quantity', '500']),
    ).rejects.toThrow(/exited 1.*VENDOR_KEY_FILE/s);
    expect(await quantity()).toBe(3);
  });

  it('a file signed with the demo key is refused by the CLI import, whatever its shell sets', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'demo-file-')), 'demo.jwt');
    demoFile = out;
    // The vendor tool signing with the demo key writes the file (--out); importing it is refused.
    await expect(
      runVendor(databasePath, ['license', 'change', '--license', licenseId, '--quantity', '500', '--out', out], {
        VENDOR_KEY_FILE: demoKey(),
      }),
    ).rejects.toThrow(/exited 1.*license_file_unknown_key/s);
    expect(existsSync(out)).toBe(true);
    const shells: Array<Record<string, string>> = [
      {},
      { VENDOR_PUBLIC_KEY_FILE: demoKey().replace('-key.pem', '-public.pem') },
    ];
    for (const env of shells)
      await expect(runVendor(databasePath, ['license-file', 'import', '--file', out], env)).rejects.toThrow(
        /exited 1.*license_file_unknown_key/s,
      );
    expect(await quantity()).toBe(3);
    const status = await runVendor(databasePath, ['license-file', 'status']);
    expect(status.vendorKeys).toEqual({ source: 'recorded', fingerprints: [keys.fingerprint] });
  });

  it('the server started again without the setting keeps the recorded key: an upload of the demo-signed file is refused', async () => {
    await server.stop();
    server = await startPortalServer({ databasePath });
    expect(server.output()).toContain(
      `License files: signed by vendor key ${keys.fingerprint} (recorded at an earlier start`,
    );
    const token = await apiLogin(server.url, 'manager@codeglass.example', 'manager-demo');
    const answer = await api(server.url, token, 'POST', '/license-file', { file: readFileSync(demoFile, 'utf8') });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'license_file_unknown_key' });
    expect(await quantity()).toBe(3);
  });

  it("with the vendor's key the decision applies; a demo-signed file is then refused even where the demo key is trusted again", async () => {
    const changed = await runVendor(databasePath, ['license', 'change', '--license', licenseId, '--quantity', '4'], {
      VENDOR_KEY_FILE: keys.privateKey,
    });
    expect(changed).toMatchObject({ id: licenseId, quantity: 4 });
    // Someone removes what the server recorded: the demo key is trusted again, but cannot take over
    // a company whose file the vendor's key signed.
    const db = await openDatabase(`sqlite:${databasePath}`);
    try {
      await db.kysely.deleteFrom('vendor_keys').execute();
    } finally {
      await db.close();
    }
    await expect(
      runVendor(databasePath, ['license', 'change', '--license', licenseId, '--quantity', '500']),
    ).rejects.toThrow(/exited 1.*license_file_demo_key/s);
    expect(await quantity()).toBe(4);
  });
});
