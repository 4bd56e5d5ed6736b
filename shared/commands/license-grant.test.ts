import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CompactSign, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n';
import type { OutboxRow, VendorKey } from '../schemas';
import { aLicense } from '../stores/testing/fake-portal';
import { overlayLicense } from '../sync/overlay';
import { eventText } from './activity';
import { checkGrantCode, readGrant } from './grant-code';
import { licenseGrant } from './license-grant';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const LATER = Math.floor(NOW.getTime() / 1000) + 3600;
const MANAGER = { userId: 'u-manager', isManager: true };

function vendor(): { key: KeyObject; jwk: Promise<VendorKey> } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { key: privateKey, jwk: exportJWK(publicKey).then((j) => ({ kty: 'OKP', crv: 'Ed25519', x: j.x! })) };
}

/** A code as the vendor tool signs it: the smallest header and one-letter claims. */
const sign = (claims: Record<string, unknown>, key: KeyObject) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify({ l: 'lic-1', j: 'code-0001', e: LATER, ...claims })))
    .setProtectedHeader({ alg: 'EdDSA' })
    .sign(key);

describe('checking a pasted grant code in the PWA', () => {
  it('reads a good code: what it does, for which license, until when', async () => {
    const v = vendor();
    const code = await sign({ r: 3 }, v.key);
    expect(code.length).toBeLessThan(260);
    // Pasted from a chat message: wrapped over lines.
    const pasted = `${code.slice(0, 50)}\n ${code.slice(50)}\n`;
    expect(await checkGrantCode(pasted, [await v.jwk], 'lic-1', NOW)).toEqual({
      ok: true,
      grant: {
        licenseId: 'lic-1',
        effect: { kind: 'raise', by: 3 },
        codeId: 'code-0001',
        expiresAt: new Date(LATER * 1000),
      },
    });
  });

  it('tries each vendor key the portal names (key rotation)', async () => {
    const [old, current] = [vendor(), vendor()];
    const code = await sign({ z: true }, current.key);
    const check = await checkGrantCode(code, [await old.jwk, await current.jwk], 'lic-1', NOW);
    expect(check).toMatchObject({ ok: true, grant: { effect: { kind: 'reset' } } });
  });

  it.each([
    ['a garbled paste', async (code: string) => code.slice(0, 40), 'grant_code_malformed'],
    [
      'a paste with a character changed in its claims',
      async (code: string) => tamper(code),
      'grant_code_bad_signature',
    ],
    ['a code signed by another key', async () => sign({ r: 3 }, vendor().key), 'grant_code_bad_signature'],
    [
      'an expired code',
      async (_: string, key: KeyObject) => sign({ r: 3, e: LATER - 7200 }, key),
      'grant_code_expired',
    ],
    [
      'a code for another license',
      async (_: string, key: KeyObject) => sign({ r: 3, l: 'lic-2' }, key),
      'grant_code_wrong_license',
    ],
    [
      'a signed code with both a raise and a reset',
      async (_: string, key: KeyObject) => sign({ r: 3, z: true }, key),
      'grant_code_malformed',
    ],
  ] as const)('refuses %s at once', async (_what, make, refusal) => {
    const v = vendor();
    const code = await make(await sign({ r: 3 }, v.key), v.key);
    expect(await checkGrantCode(code, [await v.jwk], 'lic-1', NOW)).toEqual({ ok: false, code: refusal });
  });
});

describe('the license.grant command', () => {
  const raise = {
    ok: true as const,
    grant: { licenseId: 'lic-1', effect: { kind: 'raise' as const, by: 3 }, codeId: 'c', expiresAt: NOW },
  };
  const reset = { ok: true as const, grant: { ...raise.grant, effect: { kind: 'reset' as const } } };

  it('previews what it will do, in words', () => {
    const license = aLicense({ maxDeactivations: 5, deactivationCount: 5, deactivations: { used: 5, max: 5 } });
    const raising = licenseGrant.preview(license, raise, MANAGER);
    expect(raising.decision.ok).toBe(true);
    expect(raising.effects.map(english)).toEqual(['Raises the deactivation limit from 5 to 8.']);
    expect(english(licenseGrant.preview(license, reset, MANAGER).effects[0]!)).toBe(
      'Resets the deactivation count (5 used so far) to 0.',
    );
  });

  it('refuses a license user, and says why a code is refused', () => {
    const user = { userId: 'u-dev', isManager: false };
    expect(licenseGrant.preview(aLicense(), raise, user).decision).toEqual({ ok: false, code: 'not_license_manager' });
    const used = licenseGrant.preview(aLicense(), { ok: false, code: 'grant_code_expired' }, MANAGER);
    expect(used.decision.ok).toBe(false);
    expect(used.messages.map(english)).toEqual(['This grant code has expired: ask the vendor for a new one.']);
  });

  it('shows its effect on the cached license while it waits to be sent', async () => {
    const v = vendor();
    const row = (code: string): OutboxRow => ({
      opId: crypto.randomUUID(),
      seq: 1,
      kind: 'license.grant',
      payload: { licenseId: 'lic-1', code },
      clientId: 'c',
      userId: 'u-manager',
      licenseId: 'lic-1',
      createdAt: NOW.toISOString(),
    });
    const license = aLicense({ maxDeactivations: 5, deactivationCount: 5, deactivations: { used: 5, max: 5 } });
    const raised = overlayLicense(license, { devices: [], users: [] }, [row(await sign({ r: 3 }, v.key))]);
    expect(raised.deactivations).toEqual({ used: 5, max: 8 });
    expect(raised.maxDeactivations).toBe(8);
    const zeroed = overlayLicense(license, { devices: [], users: [] }, [row(await sign({ z: true }, v.key))]);
    expect(zeroed.deactivations).toEqual({ used: 0, max: 5 });
    expect(readGrant('not a code')).toBeUndefined();
  });

  it('names its events in the Activity tab', () => {
    const facts = (detail: Record<string, unknown>) => ({
      actor: 'm@x',
      byVendor: false,
      kind: 'license.grant',
      detail,
    });
    expect(
      english(
        eventText(facts({ raisedBy: 3, from: { maxDeactivations: 5 }, maxDeactivations: 8 }), { maxDeactivations: 8 }),
      ),
    ).toBe('m@x used a grant code: deactivation limit raised from 5 to 8');
    expect(english(eventText(facts({ reset: true, from: { deactivationCount: 5 } }), { maxDeactivations: 5 }))).toBe(
      'm@x used a grant code: deactivation count reset (5 were used)',
    );
    expect(english(licenseGrant.label('CodeGlass'))).toBe('Grant code for license CodeGlass');
  });
});

/** The code with its claims changed and the signature kept. */
function tamper(code: string): string {
  const [header, payload, signature] = code.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  return [header, Buffer.from(JSON.stringify({ ...claims, r: 30 })).toString('base64url'), signature].join('.');
}
