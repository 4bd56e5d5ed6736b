import { compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import { LICENSE_STATUSES, LICENSE_TYPES, SUBSCRIPTION_KINDS } from '@shared/domain';
import { EmailSchema, IsoDateTimeSchema } from '@shared/schemas';
import type { PublicKey } from './keys';

/**
 * A license file: everything the vendor decides about one company's licenses, signed by the
 * vendor as a compact JWS (RFC 7515) with EdDSA over Ed25519 (RFC 8037). Its `kid` is the signing
 * key's fingerprint (see keys.ts); its payload is the JSON below. Any JOSE library verifies it.
 */
export const LICENSE_FILE_FORMAT = 'seat-portal/license-file/1';
export const LICENSE_FILE_TYPE = 'license-file+jws';

const LimitSchema = z.number().int().min(0).nullable();

const LicenseFileLicenseSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  kind: z.enum(SUBSCRIPTION_KINDS),
  type: z.enum(LICENSE_TYPES),
  quantity: z.number().int().min(0),
  maxActivations: LimitSchema,
  maxDeactivations: LimitSchema,
  validUntil: IsoDateTimeSchema.nullable(),
  status: z.enum(LICENSE_STATUSES),
  /** The license managers, by email (accounts are the customer's; who manages is the vendor's). */
  managers: z.array(EmailSchema).min(1).max(1000),
  /** The serial of the file that last reset the deactivation count ("contact us"): applied once. */
  deactivationResetSerial: z.number().int().min(1).nullable(),
});
export type LicenseFileLicense = z.infer<typeof LicenseFileLicenseSchema>;

export const LicenseFilePayloadSchema = z.strictObject({
  format: z.literal(LICENSE_FILE_FORMAT),
  company: z.strictObject({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) }),
  /** Only grows: a server refuses a file whose serial is not above the one it has. */
  serial: z.number().int().min(1),
  issuedAt: IsoDateTimeSchema,
  /** Fingerprints of the customer's server keys this vendor trusts to sign device certificates. */
  serverKeys: z.array(z.string().min(1).max(100)).max(20),
  licenses: z.array(LicenseFileLicenseSchema).max(10_000),
});
export type LicenseFilePayload = z.infer<typeof LicenseFilePayloadSchema>;

/** Why a license file is refused; the texts are the catalogs' (`errors.<code>`). */
type LicenseFileRefusal =
  'license_file_malformed' | 'license_file_unknown_key' | 'license_file_bad_signature' | 'license_file_no_vendor_key';

export type VerifiedLicenseFile =
  | { ok: true; payload: LicenseFilePayload; signedBy: string }
  | { ok: false; code: LicenseFileRefusal; detail?: string };

/**
 * Checks a license file against the vendor keys the server trusts: the key it names must be one
 * of them, its signature must hold, and its payload must be a license file. Never throws.
 */
export async function verifyLicenseFile(text: string, trusted: readonly PublicKey[]): Promise<VerifiedLicenseFile> {
  if (trusted.length === 0) return { ok: false, code: 'license_file_no_vendor_key' };
  const compact = text.trim();
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(compact);
    if (header.alg !== 'EdDSA' || header.typ !== LICENSE_FILE_TYPE)
      return { ok: false, code: 'license_file_malformed', detail: 'not a license file (alg or typ)' };
    kid = header.kid;
  } catch {
    return { ok: false, code: 'license_file_malformed', detail: 'not a compact JWS' };
  }
  const key = trusted.find((k) => k.fingerprint === kid);
  if (!key) return { ok: false, code: 'license_file_unknown_key', detail: `signed by key ${String(kid)}` };
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(compact, key.key, { algorithms: ['EdDSA'] })).payload;
  } catch {
    return { ok: false, code: 'license_file_bad_signature' };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return { ok: false, code: 'license_file_malformed', detail: 'payload is not JSON' };
  }
  const parsed = LicenseFilePayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: 'license_file_malformed', detail: `${issue?.path.join('.')}: ${issue?.message}` };
  }
  return { ok: true, payload: parsed.data, signedBy: key.fingerprint };
}
