import { z } from 'zod';
import type { ErrorCode } from '../domain';
import type { VendorKey } from '../schemas';

/**
 * A grant code as the PWA reads it before queueing (the server checks it again and decides): a
 * compact JWS (EdDSA) with one-letter claims: `l` license id, `r` raise the deactivation limit by
 * this many or `z` reset the deactivation count, `j` the code's id, `e` expiry (seconds since 1970).
 */
const ClaimsSchema = z.object({
  l: z.string().check(z.minLength(1), z.maxLength(100)),
  r: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  z: z.optional(z.literal(true)),
  j: z.string().check(z.minLength(8), z.maxLength(40)),
  e: z.int(),
});

type GrantEffect = { kind: 'raise'; by: number } | { kind: 'reset' };
export interface ReadGrant {
  licenseId: string;
  effect: GrantEffect;
  codeId: string;
  expiresAt: Date;
}
export type GrantCheck = { ok: true; grant: ReadGrant } | { ok: false; code: ErrorCode };

const COMPACT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

// Loaded when a code is checked, not with the first page: every page reads the command table,
// and jose would otherwise ride along in the JS the first page waits for.
const jose = () => import('jose');

/** The code as pasted, without the spaces and line breaks a chat message adds. */
const compactCode = (code: string): string => code.replace(/\s+/g, '');

function grantOf(payload: string | Uint8Array): ReadGrant | undefined {
  try {
    const json = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    const claims = ClaimsSchema.parse(JSON.parse(json));
    if ((claims.r === undefined) === (claims.z === undefined)) return undefined;
    const effect: GrantEffect = claims.r === undefined ? { kind: 'reset' } : { kind: 'raise', by: claims.r };
    return { licenseId: claims.l, effect, codeId: claims.j, expiresAt: new Date(claims.e * 1000) };
  } catch {
    return undefined;
  }
}

/** What a queued code does, read without checking it again (it was checked when queued). */
export function readGrant(code: string): ReadGrant | undefined {
  const compact = compactCode(code);
  if (!COMPACT.test(compact)) return undefined;
  try {
    const payload = compact.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return grantOf(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}

/**
 * Checks a pasted code against the vendor keys the portal named, for this license, at `now`: a
 * garbled or tampered paste is refused at once, before anything is queued. Never throws.
 */
export async function checkGrantCode(
  code: string,
  keys: readonly VendorKey[],
  licenseId: string,
  now: Date,
): Promise<GrantCheck> {
  const compact = compactCode(code);
  if (!COMPACT.test(compact)) return { ok: false, code: 'grant_code_malformed' };
  let payload: Uint8Array | undefined;
  const { compactVerify, importJWK } = await jose();
  for (const jwk of keys) {
    try {
      const key = await importJWK({ ...jwk }, 'EdDSA');
      payload = (await compactVerify(compact, key, { algorithms: ['EdDSA'] })).payload;
      break;
    } catch {
      // Another trusted key may have signed it.
    }
  }
  // A portal that named no keys (an older server): the code's shape is checked here, its signature there.
  if (!payload && keys.length > 0) return { ok: false, code: 'grant_code_bad_signature' };
  const grant = payload ? grantOf(payload) : readGrant(compact);
  if (!grant) return { ok: false, code: 'grant_code_malformed' };
  if (grant.expiresAt.getTime() <= now.getTime()) return { ok: false, code: 'grant_code_expired' };
  if (grant.licenseId !== licenseId) return { ok: false, code: 'grant_code_wrong_license' };
  return { ok: true, grant };
}
