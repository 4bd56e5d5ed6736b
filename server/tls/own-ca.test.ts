import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureCa, ensureServerCertificate, ownCaFiles } from './own-ca';

const DAY = 86_400_000;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'seat-portal-ca-'));
});

describe('renewing the server certificate of the own CA', () => {
  it('keeps it while it names everything and has time left, and renews it 30 days before it expires', async () => {
    const now = new Date();
    const ca = await ensureCa(dir, now);
    const names = ['localhost', '127.0.0.1', 'portal.example'];
    const first = await ensureServerCertificate(ca, dir, names, now);
    expect(first.issuedBecause).toBe('there was none');

    const later = new Date(now.getTime() + 300 * DAY);
    expect((await ensureServerCertificate(ca, dir, names, later)).issuedBecause).toBeNull();

    const nearEnd = new Date(now.getTime() + 380 * DAY);
    const renewed = await ensureServerCertificate(ca, dir, names, nearEnd);
    expect(renewed.issuedBecause).toMatch(/^it expires in 1[0-9] days$/);
    expect(renewed.credentials.leaf.fingerprint256).not.toBe(first.credentials.leaf.fingerprint256);
    expect(renewed.credentials.leaf.verify(ca.cert.publicKey)).toBe(true);
    expect(new Date(renewed.credentials.leaf.validTo).getTime()).toBeGreaterThan(nearEnd.getTime() + 390 * DAY);
  });

  it('issues a new one for a new name, and for a certificate of another CA', async () => {
    const now = new Date();
    const ca = await ensureCa(dir, now);
    await ensureServerCertificate(ca, dir, ['localhost'], now);
    const more = await ensureServerCertificate(ca, dir, ['localhost', '10.1.2.3'], now);
    expect(more.issuedBecause).toBe('it does not name 10.1.2.3');

    const otherDir = mkdtempSync(join(tmpdir(), 'seat-portal-ca-'));
    const otherCa = await ensureCa(otherDir, now);
    expect((await ensureServerCertificate(otherCa, dir, ['localhost', '10.1.2.3'], now)).issuedBecause).toBe(
      'it was signed by another CA',
    );
  });

  it('refuses a CA folder with the certificate but not its key, rather than making a CA nobody trusts', async () => {
    const now = new Date();
    await ensureCa(dir, now);
    rmSync(ownCaFiles(dir).caKey);
    await expect(ensureCa(dir, now)).rejects.toThrow(/ca\.pem is there but .*ca-key\.pem is not/);
    expect(existsSync(ownCaFiles(dir).caKey)).toBe(false);
  });
});
