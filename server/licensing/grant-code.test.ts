import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signGrantCode } from '../vendor/grant';
import { verifyGrantCode } from './grant-code';

const vendor = generateKeyPairSync('ed25519');
const now = new Date('2027-03-01T12:00:00Z');
const inAWeek = new Date(now.getTime() + 7 * 86_400_000);
const LICENSE = '3f6c1a52-9d7e-4b1a-8c2f-0e5d4a7b9c13';
const part = (code: string, i: number) => Buffer.from(code.split('.')[i]!, 'base64url').toString();
const withClaims = (code: string, claims: unknown) => {
  const [h, , s] = code.split('.');
  return [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
};

describe('grant codes', () => {
  it('fit in a chat message and verify to their effect', async () => {
    const code = await signGrantCode({ licenseId: LICENSE, raiseBy: 3, expiresAt: inAWeek }, vendor.privateKey);
    expect(code.length).toBeLessThanOrEqual(220);
    expect(await verifyGrantCode(code, [vendor.publicKey], now)).toMatchObject({
      ok: true,
      grant: { licenseId: LICENSE, effect: { kind: 'raise', by: 3 }, expiresAt: inAWeek },
    });
    const reset = await signGrantCode({ licenseId: LICENSE, reset: true, expiresAt: inAWeek }, vendor.privateKey);
    expect(await verifyGrantCode(reset, [vendor.publicKey], now)).toMatchObject({
      ok: true,
      grant: { effect: { kind: 'reset' } },
    });
  });

  it('each code has its own id (single use is counted by it)', async () => {
    const a = await signGrantCode({ licenseId: LICENSE, raiseBy: 1, expiresAt: inAWeek }, vendor.privateKey);
    const b = await signGrantCode({ licenseId: LICENSE, raiseBy: 1, expiresAt: inAWeek }, vendor.privateKey);
    expect(JSON.parse(part(a, 1)).j).not.toBe(JSON.parse(part(b, 1)).j);
  });

  it('refuses every claim changed in turn, a wrong key, an expired code and garbage', async () => {
    const code = await signGrantCode({ licenseId: LICENSE, raiseBy: 3, expiresAt: inAWeek }, vendor.privateKey);
    const claims = JSON.parse(part(code, 1)) as Record<string, string | number>;
    for (const [name, value] of Object.entries(claims)) {
      const changed = { ...claims, [name]: typeof value === 'number' ? value + 1 : `${value}x` };
      expect(await verifyGrantCode(withClaims(code, changed), [vendor.publicKey], now), name).toEqual({
        ok: false,
        code: 'grant_code_bad_signature',
      });
    }
    const other = createPublicKey(generateKeyPairSync('ed25519').privateKey);
    expect(await verifyGrantCode(code, [other], now)).toEqual({ ok: false, code: 'grant_code_bad_signature' });
    expect(await verifyGrantCode(code, [other, vendor.publicKey], now)).toMatchObject({ ok: true });
    expect(await verifyGrantCode(code, [vendor.publicKey], new Date(inAWeek.getTime() + 1000))).toEqual({
      ok: false,
      code: 'grant_code_expired',
    });
    expect(await verifyGrantCode('hello there', [vendor.publicKey], now)).toEqual({
      ok: false,
      code: 'grant_code_malformed',
    });
  });
});
