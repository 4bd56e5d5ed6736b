import type { KeyObject } from 'node:crypto';
import {
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  EmbeddedJWK,
  errors,
  exportJWK,
  jwtVerify,
  type JWK,
} from 'jose';

/**
 * The reference verifier for product teams: checks a device certificate offline, vendor ->
 * server -> device, with only the vendor's public key(s) and this machine's hardware id. It uses
 * nothing but `jose`, so a product can copy it as it is (or redo its few steps in any language):
 *
 * 1. the certificate is a JWS (EdDSA) whose header `jwk` is the server key it verifies with;
 * 2. its `licenseFile` claim is the vendor's license file, which must verify with a vendor key;
 * 3. that file must name the server key (its RFC 7638 thumbprint) in `serverKeys`;
 * 4. the file must hold the certificate's license, active; the hardware id must be this machine's;
 * 5. the certificate must not have expired (`exp`: next check-in due plus the grace period).
 */
export type VerifyCode =
  | 'certificate_malformed'
  | 'certificate_bad_signature'
  | 'certificate_expired'
  | 'license_file_unknown_key'
  | 'license_file_bad_signature'
  | 'server_key_not_named'
  | 'license_not_in_file'
  | 'license_not_active'
  | 'hardware_id_mismatch';

/** Each refusal's text, in one place. */
export const VERIFY_MESSAGES: Record<VerifyCode, string> = {
  certificate_malformed: 'This is not a device certificate (a compact JWS with an EdDSA key in its header).',
  certificate_bad_signature: 'The device certificate was changed after the server signed it.',
  certificate_expired: 'The device certificate has expired: the product must check in with the license server.',
  license_file_unknown_key: "The license file inside is not signed by the vendor's key.",
  license_file_bad_signature: 'The license file inside was changed after the vendor signed it.',
  server_key_not_named: "The server key that signed the certificate is not one the vendor's license file names.",
  license_not_in_file: "The certificate's license is not in the vendor's license file.",
  license_not_active: "The vendor's license file says this license is not active.",
  hardware_id_mismatch: 'The device certificate is for another machine.',
};

interface VerifiedActivation {
  license: string;
  device: string;
  hardwareId: string;
  issuedAt: number;
  expiresAt: number;
  validUntil: number | null;
  checkInDue: number;
  gracePeriod: number;
  company: string;
  serverKey: string;
  vendorKey: string;
}

export type VerifyResult =
  { ok: true; activation: VerifiedActivation } | { ok: false; code: VerifyCode; message: string };

const refuse = (code: VerifyCode): VerifyResult => ({ ok: false, code, message: VERIFY_MESSAGES[code] });

interface FilePayload {
  company?: { id?: string };
  serverKeys?: unknown;
  licenses?: Array<{ id?: string; status?: string }>;
}

export async function verifyActivation(
  certificate: string,
  options: { vendorKeys: KeyObject[]; hardwareId: string; now?: Date },
): Promise<VerifyResult> {
  const token = certificate.trim();
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return refuse('certificate_malformed');
  }
  if (header.alg !== 'EdDSA' || header.typ !== 'device-cert+jwt' || !header.jwk) return refuse('certificate_malformed');
  let claims: Record<string, unknown>;
  try {
    claims = (
      await jwtVerify(token, EmbeddedJWK, {
        algorithms: ['EdDSA'],
        typ: 'device-cert+jwt',
        ...(options.now ? { currentDate: options.now } : {}),
      })
    ).payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse('certificate_expired');
    if (error instanceof errors.JWSSignatureVerificationFailed) return refuse('certificate_bad_signature');
    return refuse('certificate_malformed');
  }
  if (typeof claims.licenseFile !== 'string') return refuse('certificate_malformed');

  // The vendor's license file, by the key it names.
  let file: FilePayload;
  let vendorKey: string;
  try {
    const kid = decodeProtectedHeader(claims.licenseFile).kid;
    const known = await Promise.all(
      options.vendorKeys.map(async (key) => ({ key, id: await calculateJwkThumbprint(await exportJWK(key)) })),
    );
    const signer = known.find((k) => k.id === kid);
    if (!signer) return refuse('license_file_unknown_key');
    vendorKey = signer.id;
    const { payload } = await compactVerify(claims.licenseFile, signer.key, { algorithms: ['EdDSA'] });
    file = JSON.parse(new TextDecoder().decode(payload)) as FilePayload;
  } catch {
    return refuse('license_file_bad_signature');
  }
  const serverKey = await calculateJwkThumbprint(header.jwk as JWK);
  if (!Array.isArray(file.serverKeys) || !file.serverKeys.includes(serverKey)) return refuse('server_key_not_named');
  const license = file.licenses?.find((l) => l.id === claims.license);
  if (!license) return refuse('license_not_in_file');
  if (license.status !== 'active') return refuse('license_not_active');
  if (claims.hardwareId !== options.hardwareId) return refuse('hardware_id_mismatch');
  return {
    ok: true,
    activation: {
      license: String(claims.license),
      device: String(claims.device),
      hardwareId: String(claims.hardwareId),
      issuedAt: Number(claims.iat),
      expiresAt: Number(claims.exp),
      validUntil: claims.validUntil === null ? null : Number(claims.validUntil),
      checkInDue: Number(claims.checkInDue),
      gracePeriod: Number(claims.gracePeriod),
      company: String(file.company?.id),
      serverKey,
      vendorKey,
    },
  };
}
