import type { KeyObject } from 'node:crypto';
import { CompactSign } from 'jose';
import { describePublicKey } from '../licensing/keys';
import { LICENSE_FILE_TYPE, LicenseFilePayloadSchema, type LicenseFilePayload } from '../licensing/license-file';

/**
 * The vendor's side: signs a license file with the vendor's private key (VENDOR_KEY_FILE). Only
 * the vendor tool (cli.ts, admin/) imports this folder; the server's request paths cannot.
 */
export async function signLicenseFile(payload: LicenseFilePayload, privateKey: KeyObject): Promise<string> {
  const checked = LicenseFilePayloadSchema.parse(payload);
  const { fingerprint } = await describePublicKey(privateKey);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(checked)))
    .setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_FILE_TYPE, kid: fingerprint })
    .sign(privateKey);
}
