import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAdmin, runVendor, startPortalServer, type PortalServer } from '../support/portal-server';

// The server and the vendor tool as separate processes, configured with a real vendor key pair.
vi.setConfig({ testTimeout: 120_000 });
let server: PortalServer;
let keys: { privateKey: string; publicKey: string; fingerprint: string };
let licenseId: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-keys-'));
  keys = await runVendor(join(dir, 'unused.db'), ['vendor-key', 'create', '--out-dir', join(dir, 'vendor')]);
  server = await startPortalServer({ env: { VENDOR_PUBLIC_KEY_FILE: keys.publicKey } });
  licenseId = (await runVendor(server.databasePath, ['license', 'list', '--company', 'CodeGlass'])).licenses[0].id;
});
afterAll(() => server.stop());

const withKey = () => ({ VENDOR_KEY_FILE: keys.privateKey, VENDOR_PUBLIC_KEY_FILE: keys.publicKey });

describe('a server configured with a real vendor key', () => {
  it('makes no demo key, and says at start which companies are unsigned', () => {
    expect(existsSync(join(dirname(server.databasePath), 'vendor-demo-key.pem'))).toBe(false);
    expect(server.output()).toContain(
      `License files: signed by vendor key ${keys.fingerprint} (VENDOR_PUBLIC_KEY_FILE)`,
    );
    expect(server.output()).toMatch(/Unsigned companies .*: CodeGlass/);
  });

  it("refuses a vendor decision without the vendor's key, saying why, and changes nothing", async () => {
    await expect(
      runVendor(server.databasePath, ['license', 'change', '--license', licenseId, '--quantity', '500']),
    ).rejects.toThrow(/exited 1.*needs the vendor's key: set VENDOR_KEY_FILE/s);
    const { licenses } = await runVendor(server.databasePath, ['license', 'list', '--company', 'CodeGlass']);
    expect(licenses[0]).toMatchObject({ quantity: 3 });
  });

  it('with the key, the first signed file takes the company over (same license id); the file imports only once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vendor-file-'));
    const out = join(dir, 'codeglass.jwt');
    const changed = await runVendor(
      server.databasePath,
      ['license', 'change', '--license', licenseId, '--quantity', '4', '--out', out],
      withKey(),
    );
    expect(changed).toMatchObject({ id: licenseId, quantity: 4 });
    const status = await runVendor(server.databasePath, ['license-file', 'status'], {
      VENDOR_PUBLIC_KEY_FILE: keys.publicKey,
    });
    expect(status).toMatchObject({
      vendorKeys: { source: 'recorded', fingerprints: [keys.fingerprint] },
      signed: [{ company: 'CodeGlass', serial: 1, signedBy: keys.fingerprint }],
      unsigned: [],
    });
    // The customer's IT importing the same file again: refused, with its code.
    await expect(
      runVendor(server.databasePath, ['license-file', 'import', '--file', out], {
        VENDOR_PUBLIC_KEY_FILE: keys.publicKey,
      }),
    ).rejects.toThrow(/exited 1.*license_file_stale_serial/s);
  });

  it('does not trust a file signed with a demo key', async () => {
    const demo = await startPortalServer();
    try {
      const demoKey = join(dirname(demo.databasePath), 'vendor-demo-key.pem');
      expect(demo.output()).toContain("Signed the demo company's license file with a demo vendor key");
      const out = join(mkdtempSync(join(tmpdir(), 'demo-file-')), 'demo.jwt');
      // The vendor tool writes the file, then the import into this database refuses it.
      await expect(
        runVendor(server.databasePath, ['license-file', 'export', '--company', 'CodeGlass', '--out', out], {
          VENDOR_KEY_FILE: demoKey,
          VENDOR_PUBLIC_KEY_FILE: keys.publicKey,
        }),
      ).rejects.toThrow(/exited 1.*license_file_unknown_key/s);
      expect(existsSync(out)).toBe(true);
      await expect(
        runVendor(server.databasePath, ['license-file', 'import', '--file', out], {
          VENDOR_PUBLIC_KEY_FILE: keys.publicKey,
        }),
      ).rejects.toThrow(/exited 1.*license_file_unknown_key/s);
      writeFileSync(out, 'garbage');
      await expect(
        runVendor(server.databasePath, ['license-file', 'import', '--file', out], {
          VENDOR_PUBLIC_KEY_FILE: keys.publicKey,
        }),
      ).rejects.toThrow(/exited 1.*license_file_malformed/s);
    } finally {
      await demo.stop();
    }
  });

  it('prints the server key fingerprint that the start message names', async () => {
    const { fingerprint } = await runVendor(server.databasePath, ['server', 'key']);
    expect(server.output()).toContain(`Server key (device certificates): ${fingerprint}`);
  });

  it("gives the customer's IT the server key and the license files' status in the admin CLI too", async () => {
    const database = `sqlite:${server.databasePath}`;
    const key = await runAdmin(database, ['server', 'key']);
    expect(key.code).toBe(0);
    expect(key.output).toEqual(await runVendor(server.databasePath, ['server', 'key']));
    const status = await runAdmin(database, ['license-file', 'status']);
    expect(status.code).toBe(0);
    expect(status.output.vendorKeys.fingerprints).toHaveLength(1);
    expect(status.output.signed.map((s: { company: string }) => s.company)).toContain('CodeGlass');
  });
});
