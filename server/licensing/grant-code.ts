import type { KeyObject } from 'node:crypto';
import { compactVerify } from 'jose';
import { z } from 'zod';

/**
 * A grant code: the vendor's short answer to "contact us" (about 200 characters, fits in a chat
 * message). A compact JWS, EdDSA, with the smallest header (`{"alg":"EdDSA"}`: no key id, each
 * trusted vendor key is tried) and one-letter claims: `l` license id, `r` raise the deactivation
 * limit by this many, or `z: true` reset the deactivation count, `j` the code's id (single use:
 * the server remembers it), `e` expiry (seconds since 1970). This module only checks a code; using
 * it (once) is the sync command's job.
 */
export const GrantClaimsSchema = z.union([
  z.strictObject({
    l: z.string().min(1).max(100),
    r: z.number().int().min(1).max(100_000),
    j: z.string().min(8).max(40),
    e: z.number().int(),
  }),
  z.strictObject({
    l: z.string().min(1).max(100),
    z: z.literal(true),
    j: z.string().min(8).max(40),
    e: z.number().int(),
  }),
]);
export type GrantClaims = z.infer<typeof GrantClaimsSchema>;

interface Grant {
  licenseId: string;
  effect: { kind: 'raise'; by: number } | { kind: 'reset' };
  codeId: string;
  expiresAt: Date;
}

type GrantRefusal = 'grant_code_malformed' | 'grant_code_bad_signature' | 'grant_code_expired';
export type VerifiedGrant = { ok: true; grant: Grant } | { ok: false; code: GrantRefusal };

/** Checks a pasted grant code against the vendor keys, at `now`. Pure: no database, never throws. */
export async function verifyGrantCode(
  code: string,
  vendorKeys: readonly KeyObject[],
  now: Date,
): Promise<VerifiedGrant> {
  const compact = code.replace(/\s+/g, '');
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(compact)) return { ok: false, code: 'grant_code_malformed' };
  let payload: Uint8Array | undefined;
  for (const key of vendorKeys) {
    try {
      payload = (await compactVerify(compact, key, { algorithms: ['EdDSA'] })).payload;
      break;
    } catch {
      // Another trusted key may have signed it.
    }
  }
  if (!payload) return { ok: false, code: 'grant_code_bad_signature' };
  let claims: GrantClaims;
  try {
    claims = GrantClaimsSchema.parse(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    return { ok: false, code: 'grant_code_malformed' };
  }
  if (claims.e * 1000 <= now.getTime()) return { ok: false, code: 'grant_code_expired' };
  return {
    ok: true,
    grant: {
      licenseId: claims.l,
      effect: 'r' in claims ? { kind: 'raise', by: claims.r } : { kind: 'reset' },
      codeId: claims.j,
      expiresAt: new Date(claims.e * 1000),
    },
  };
}
