import { sign, type KeyObject } from 'node:crypto';
import type { PublicKey } from './keys';

/**
 * A device certificate: what the server answers a product's activation with, signed by the
 * server's own key (a compact JWS / JWT, EdDSA). Its header carries that key (`jwk`); its claims
 * carry the vendor's license file that names the key, so a product checks vendor -> server ->
 * device with nothing but the vendor's public key (see verify-activation.ts).
 */
const DEVICE_CERTIFICATE_TYPE = 'device-cert+jwt';
/** The product checks in (activates again) this often; past it, it still works for the grace period. */
const CHECK_IN_EVERY_SECONDS = 7 * 86_400;
const GRACE_SECONDS = 14 * 86_400;

export interface DeviceCertificateFacts {
  licenseId: string;
  deviceId: string;
  hardwareId: string;
  /** The license's validity (null: no end). */
  validUntil: string | null;
  /** The company's current license file (compact JWS), as the vendor signed it. */
  licenseFile: string;
}

/** The encoded protected header per server key: the same for every certificate it signs. */
const headers = new WeakMap<PublicKey, string>();

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/**
 * Signed here with node:crypto's Ed25519 on the key object the server holds, not through a JWT
 * library: jose signs through WebCrypto (a job on the thread pool, the key and data copied over per
 * call), which cost an activation more than its database work. The result is the same compact JWS:
 * header {alg: EdDSA, typ, jwk}, then the claims, each base64url-encoded JSON.
 */
export async function signDeviceCertificate(
  facts: DeviceCertificateFacts,
  key: { privateKey: KeyObject; publicKey: PublicKey },
  now: Date,
): Promise<string> {
  const issued = Math.floor(now.getTime() / 1000);
  const checkInDue = issued + CHECK_IN_EVERY_SECONDS;
  const validUntil = facts.validUntil === null ? null : Math.floor(Date.parse(facts.validUntil) / 1000);
  const expires = Math.min(checkInDue + GRACE_SECONDS, validUntil ?? Number.MAX_SAFE_INTEGER);
  let header = headers.get(key.publicKey);
  if (header === undefined) {
    header = base64url(JSON.stringify({ alg: 'EdDSA', typ: DEVICE_CERTIFICATE_TYPE, jwk: key.publicKey.jwk }));
    headers.set(key.publicKey, header);
  }
  const claims = base64url(
    JSON.stringify({
      license: facts.licenseId,
      device: facts.deviceId,
      hardwareId: facts.hardwareId,
      validUntil,
      checkInDue,
      gracePeriod: GRACE_SECONDS,
      licenseFile: facts.licenseFile,
      iss: key.publicKey.fingerprint,
      sub: facts.deviceId,
      iat: issued,
      exp: expires,
    }),
  );
  const input = `${header}.${claims}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}
