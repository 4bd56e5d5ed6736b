import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { PublicKey } from './keys';

/**
 * A device certificate: what the server answers a product's activation with, signed by the
 * server's own key (a compact JWS / JWT, EdDSA). Its header carries that key (`jwk`); its claims
 * carry the vendor's license file that names the key, so a product checks vendor -> server ->
 * device with nothing but the vendor's public key (see verify-activation.ts).
 */
export const DEVICE_CERTIFICATE_TYPE = 'device-cert+jwt';
/** The product checks in (activates again) this often; past it, it still works for the grace period. */
export const CHECK_IN_EVERY_SECONDS = 7 * 86_400;
export const GRACE_SECONDS = 14 * 86_400;

export interface DeviceCertificateFacts {
  licenseId: string;
  deviceId: string;
  hardwareId: string;
  /** The license's validity (null: no end). */
  validUntil: string | null;
  /** The company's current license file (compact JWS), as the vendor signed it. */
  licenseFile: string;
}

export async function signDeviceCertificate(
  facts: DeviceCertificateFacts,
  key: { privateKey: KeyObject; publicKey: PublicKey },
  now: Date,
): Promise<string> {
  const issued = Math.floor(now.getTime() / 1000);
  const checkInDue = issued + CHECK_IN_EVERY_SECONDS;
  const validUntil = facts.validUntil === null ? null : Math.floor(Date.parse(facts.validUntil) / 1000);
  const expires = Math.min(checkInDue + GRACE_SECONDS, validUntil ?? Number.MAX_SAFE_INTEGER);
  return new SignJWT({
    license: facts.licenseId,
    device: facts.deviceId,
    hardwareId: facts.hardwareId,
    validUntil,
    checkInDue,
    gracePeriod: GRACE_SECONDS,
    licenseFile: facts.licenseFile,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: DEVICE_CERTIFICATE_TYPE, jwk: key.publicKey.jwk })
    .setIssuer(key.publicKey.fingerprint)
    .setSubject(facts.deviceId)
    .setIssuedAt(issued)
    .setExpirationTime(expires)
    .sign(key.privateKey);
}
