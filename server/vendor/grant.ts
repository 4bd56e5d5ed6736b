import { randomBytes, type KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { GrantClaimsSchema, type GrantClaims } from '../licensing/grant-code';

/** The vendor signs a grant code (see licensing/grant-code.ts): a new single-use id each time. */
export async function signGrantCode(
  input: { licenseId: string; raiseBy?: number; reset?: boolean; expiresAt: Date },
  key: KeyObject,
): Promise<string> {
  const base = {
    l: input.licenseId,
    j: randomBytes(9).toString('base64url'),
    e: Math.floor(input.expiresAt.getTime() / 1000),
  };
  const claims: GrantClaims = GrantClaimsSchema.parse(
    input.reset ? { ...base, z: true } : { ...base, r: input.raiseBy },
  );
  return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'EdDSA' })
    .sign(key);
}
