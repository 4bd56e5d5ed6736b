import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivationCheckResponseSchema, ActivationResponseSchema } from '@shared/schemas';
import { describePublicKey } from '../../server/licensing/keys';
import { signDeviceCertificate } from '../../server/licensing/device-certificate';
import { VERIFY_MESSAGES, verifyActivation } from '../../server/licensing/verify-activation';
import { serverKey } from '../../server/services/server-key';
import { api, REPO_ROOT } from '../support/portal-server';
import { demoVendorKey, nextFile, setAt, strangerKey, withHeader, withPayload } from '../support/license-files';
import { asDev, demoLicense, otherCompany, parsed, startTestServer, type TestServer } from './fixtures';

let server: TestServer;
let licenseId: string;
let certificate: string;
let vendorPublic: KeyObject;
const HW = 'HW-CERT-TEST-01';

beforeAll(async () => {
  server = await startTestServer();
  const dev = await asDev(server.url);
  licenseId = (await demoLicense(server.url, dev)).id;
  const answer = await api(server.url, dev, 'POST', '/activations', {
    licenseId,
    hardwareId: HW,
    hostname: 'c',
    os: 'Linux',
  });
  expect(answer.status).toBe(201);
  certificate = parsed(ActivationResponseSchema, answer.body).certificate!;
  vendorPublic = createPublicKey(demoVendorKey(server.licensing.demoSignedWith!));
});
afterAll(() => server.stop());

const verify = (token: string, options: { hardwareId?: string; now?: Date; vendorKeys?: KeyObject[] } = {}) =>
  verifyActivation(token, {
    vendorKeys: options.vendorKeys ?? [vendorPublic],
    hardwareId: options.hardwareId ?? HW,
    ...(options.now ? { now: options.now } : {}),
  });
const part = (token: string, i: number) => JSON.parse(Buffer.from(token.split('.')[i]!, 'base64url').toString());
const refusal = (code: keyof typeof VERIFY_MESSAGES) => ({ ok: false, code, message: VERIFY_MESSAGES[code] });

describe('device certificates', () => {
  it('an activation answers a certificate that verifies vendor -> server -> device offline', async () => {
    const result = await verify(certificate);
    expect(result).toMatchObject({
      ok: true,
      activation: { license: licenseId, hardwareId: HW, company: 'CodeGlass' },
    });
    if (!result.ok) return;
    const { activation } = result;
    expect(activation.serverKey).toBe(server.licensing.serverKeyFingerprint);
    expect(activation.checkInDue - activation.issuedAt).toBe(7 * 86_400);
    expect(activation.expiresAt).toBe(activation.checkInDue + activation.gracePeriod);
    expect(part(certificate, 0)).toMatchObject({ alg: 'EdDSA', typ: 'device-cert+jwt' });
  });

  it("a check-in of an active device answers a fresh certificate that verifies; an unknown machine's none", async () => {
    const dev = await asDev(server.url);
    const check = async (hardwareId: string) =>
      parsed(
        ActivationCheckResponseSchema,
        (await api(server.url, dev, 'POST', '/activations/check', { licenseId, hardwareId })).body,
      );
    const answer = await check(HW);
    expect(answer.active).toBe(true);
    const renewed = answer.certificate!;
    const result = await verify(renewed);
    expect(result).toMatchObject({ ok: true, activation: { license: licenseId, hardwareId: HW } });
    expect(part(renewed, 1)).toMatchObject({ device: part(certificate, 1).device });
    expect(part(renewed, 1).iat).toBeGreaterThanOrEqual(part(certificate, 1).iat);
    expect(await check('HW-NEVER-ACTIVATED')).toMatchObject({ active: false, certificate: null });
  });

  it('refuses every claim changed in turn, and a header naming another key', async () => {
    const claims = part(certificate, 1);
    for (const name of Object.keys(claims)) {
      const to = typeof claims[name] === 'number' ? claims[name] + 1 : `${claims[name]}x`;
      expect(await verify(withPayload(certificate, setAt(claims, [name], to))), name).toEqual(
        refusal('certificate_bad_signature'),
      );
    }
    const other = await describePublicKey(strangerKey());
    expect(await verify(withHeader(certificate, { ...part(certificate, 0), jwk: other.jwk }))).toEqual(
      refusal('certificate_bad_signature'),
    );
    expect(await verify('nonsense')).toEqual(refusal('certificate_malformed'));
  });

  it('refuses a certificate signed by a server key that no license file names', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const rogue = { privateKey, publicKey: await describePublicKey(privateKey) };
    const claims = part(certificate, 1);
    const forged = await signDeviceCertificate(
      { licenseId, deviceId: claims.device, hardwareId: HW, validUntil: null, licenseFile: claims.licenseFile },
      rogue,
      new Date(),
    );
    expect(await verify(forged)).toEqual(refusal('server_key_not_named'));
  });

  it("refuses what the customer's own server could forge: a changed license file, another license", async () => {
    const own = await serverKey(server.db);
    const claims = part(certificate, 1);
    const filePayload = part(claims.licenseFile, 1);
    const raised = withPayload(claims.licenseFile, setAt(filePayload, ['licenses', 0, 'quantity'], 500));
    const sign = (licenseFile: string, license = licenseId) =>
      signDeviceCertificate(
        { licenseId: license, deviceId: claims.device, hardwareId: HW, validUntil: null, licenseFile },
        own,
        new Date(),
      );
    expect(await verify(await sign(raised))).toEqual(refusal('license_file_bad_signature'));
    expect(await verify(await sign(claims.licenseFile, 'made-up-license'))).toEqual(refusal('license_not_in_file'));
    const selfSigned = await nextFile(server.db, 'CodeGlass', strangerKey());
    expect(await verify(await sign(selfSigned.file))).toEqual(refusal('license_file_unknown_key'));
  });

  it('refuses another machine, an expired certificate, and the wrong vendor key', async () => {
    expect(await verify(certificate, { hardwareId: 'HW-SOMEONE-ELSE' })).toEqual(refusal('hardware_id_mismatch'));
    expect(await verify(certificate, { now: new Date(Date.now() + 22 * 86_400_000) })).toEqual(
      refusal('certificate_expired'),
    );
    expect(await verify(certificate, { vendorKeys: [createPublicKey(strangerKey())] })).toEqual(
      refusal('license_file_unknown_key'),
    );
  });

  it('is null for a company without a signed license file', async () => {
    const unsigned = {
      companyId: 'Unsigned',
      name: 'Unsigned Ltd',
      manager: 'boss@unsigned.example',
      password: 'pass',
    };
    const { licenseId, token } = await otherCompany(server, {}, unsigned);
    const answer = await api(server.url, token, 'POST', '/activations', {
      licenseId,
      hardwareId: 'HW-U',
      hostname: 'u',
      os: 'Linux',
    });
    expect(parsed(ActivationResponseSchema, answer.body).certificate).toBeNull();
  });

  it('the verify CLI accepts the real activation and refuses a tampered one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    const key = join(dir, 'vendor.pem');
    writeFileSync(key, vendorPublic.export({ type: 'spki', format: 'pem' }).toString());
    writeFileSync(join(dir, 'activation.jwt'), certificate);
    const run = (file: string) =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'server/licensing/verify-cli.ts', '--vendor-key', key, '--hardware-id', HW, file, '--json'],
        { cwd: REPO_ROOT },
      );
    const ok = await run(join(dir, 'activation.jwt'));
    expect(JSON.parse(ok.stdout)).toMatchObject({ license: licenseId, hardwareId: HW });
    writeFileSync(
      join(dir, 'tampered.jwt'),
      withPayload(certificate, setAt(part(certificate, 1), ['hardwareId'], 'HW-X')),
    );
    await expect(run(join(dir, 'tampered.jwt'))).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('certificate_bad_signature'),
    });
  }, 60_000);
});
