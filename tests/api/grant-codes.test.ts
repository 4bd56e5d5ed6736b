import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LicenseResponseSchema, MeResponseSchema, type Command } from '@shared/schemas';
import { listAudit } from '../../server/db/audit';
import { makeManager } from '../../server/admin/operations';
import { signGrantCode } from '../../server/vendor/grant';
import { api } from '../support/portal-server';
import { demoVendorKey, strangerKey } from '../support/license-files';
import { stateDigest } from '../support/state-digest';
import { DEMO, asDev, asManager, demoLicense, otherCompany, parsed, startTestServer, sync, syncOne } from './fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let manager: string;
let licenseId: string;

beforeEach(async () => {
  server = await startTestServer();
  manager = await asManager(server.url);
  licenseId = (await demoLicense(server.url, manager)).id;
});
afterEach(() => server.stop());

const vendorKey = () => demoVendorKey(server.licensing.demoSignedWith!);
const inAnHour = () => new Date(Date.now() + 3_600_000);
const raiseCode = (by: number, forLicense = licenseId, key = vendorKey(), expiresAt = inAnHour()) =>
  signGrantCode({ licenseId: forLicense, raiseBy: by, expiresAt }, key);
let seq = 10_000;
const grant = (code: string, forLicense = licenseId): Command => ({
  opId: randomUUID(),
  seq: seq++,
  kind: 'license.grant',
  payload: { licenseId: forLicense, code },
});
const license = async () =>
  parsed(LicenseResponseSchema, (await api(server.url, manager, 'GET', `/licenses/${licenseId}`)).body).license;

describe('license.grant', () => {
  it('raises the deactivation limit by the code, once, and logs it', async () => {
    expect((await license()).deactivations).toEqual({ used: 2, max: 5 });
    const result = await syncOne(server.url, manager, grant(await raiseCode(3)));
    expect(result).toMatchObject({ outcome: 'applied', result: { maxDeactivations: 8, deactivationCount: 2 } });
    expect((await license()).deactivations).toEqual({ used: 2, max: 8 });
    const events = (await listAudit(server.db.kysely, { licenseId, limit: 20 })).filter(
      (e) => e.action === 'license.grant',
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.detail).toMatchObject({ raisedBy: 3, from: { maxDeactivations: 5 }, maxDeactivations: 8 });
  });

  it('resets the deactivation count with a reset code', async () => {
    const code = await signGrantCode({ licenseId, reset: true, expiresAt: inAnHour() }, vendorKey());
    const result = await syncOne(server.url, manager, grant(code));
    expect(result).toMatchObject({ outcome: 'applied', result: { deactivationCount: 0, maxDeactivations: 5 } });
    expect((await license()).deactivations).toEqual({ used: 0, max: 5 });
  });

  it('answers the same opId sent again with the same answer, and refuses the same code under a new opId', async () => {
    const code = await raiseCode(3);
    const command = grant(code);
    const first = await syncOne(server.url, manager, command);
    expect(await syncOne(server.url, manager, command)).toEqual(first);
    const again = await syncOne(server.url, manager, grant(code));
    expect(again).toMatchObject({ outcome: 'rejected', code: 'grant_code_used' });
    expect(again.message).toMatch(/already used/);
    expect((await license()).deactivations.max).toBe(8);
  });

  it('applies once when two managers send the same code at once', async () => {
    await makeManager(server.db, licenseId, DEMO.user.email);
    const second = await asDev(server.url);
    const code = await raiseCode(3);
    const answers = await Promise.all([
      syncOne(server.url, manager, grant(code)),
      syncOne(server.url, second, grant(code)),
    ]);
    expect(answers.map((a) => a.outcome).sort()).toEqual(['applied', 'rejected']);
    expect(answers.find((a) => a.outcome === 'rejected')).toMatchObject({ code: 'grant_code_used' });
    expect((await license()).deactivations.max).toBe(8);
    expect(await server.db.kysely.selectFrom('grant_codes').selectAll().execute()).toHaveLength(1);
  });

  it.each([
    [
      'an expired code',
      async () => raiseCode(3, licenseId, vendorKey(), new Date(Date.now() - 1000)),
      'grant_code_expired',
    ],
    [
      'a code signed by a key the portal does not trust',
      async () => raiseCode(3, licenseId, strangerKey()),
      'grant_code_bad_signature',
    ],
    ['a garbled paste', async () => (await raiseCode(3)).slice(0, 60), 'grant_code_malformed'],
    ['a code whose claims were changed', async () => tampered(await raiseCode(3)), 'grant_code_bad_signature'],
  ] as const)('refuses %s and changes nothing', async (_what, make, code) => {
    const command = grant(await make());
    const before = await stateDigest(server.db);
    expect(await syncOne(server.url, manager, command)).toMatchObject({ outcome: 'rejected', code });
    expect(await stateDigest(server.db)).toBe(before);
    expect((await license()).deactivations.max).toBe(5);
  });

  it("refuses another license's code, even one of another company", async () => {
    const rival = await otherCompany(server);
    const code = await raiseCode(3, rival.licenseId);
    const before = await stateDigest(server.db);
    expect(await syncOne(server.url, manager, grant(code))).toMatchObject({
      outcome: 'rejected',
      code: 'grant_code_wrong_license',
    });
    // Sent for the license it names, by a manager of another company: that license is not theirs.
    expect(await syncOne(server.url, manager, grant(code, rival.licenseId))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    expect(await stateDigest(server.db)).toBe(before);
    // The rival's own manager can still use it: a refused code is not used up.
    expect(await syncOne(server.url, rival.token, grant(code, rival.licenseId))).toMatchObject({ outcome: 'applied' });
  });

  it('refuses a license user, as for a license reset', async () => {
    const dev = await asDev(server.url);
    const before = await stateDigest(server.db);
    const [result] = await sync(server.url, dev, [grant(await raiseCode(3))]);
    expect(result).toMatchObject({ outcome: 'rejected', code: 'not_license_manager' });
    expect(await stateDigest(server.db)).toBe(before);
  });

  it('names the vendor keys in /me, so the PWA can check a code before queueing it', async () => {
    const me = parsed(MeResponseSchema, (await api(server.url, manager, 'GET', '/me')).body);
    expect(me.company.vendorKeys).toHaveLength(1);
    expect(me.company.vendorKeys![0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });
});

/** The code with its raise changed and the vendor's signature kept. */
function tampered(code: string): string {
  const [header, payload, signature] = code.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, r: 1000 })).toString('base64url'), signature].join('.');
}
