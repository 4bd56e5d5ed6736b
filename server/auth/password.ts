import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { generatePassword } from '@shared/domain';
import { inBulkQueue } from './hash-queue';

// scrypt parameters (N = 2^14, r = 8, p = 1): ~16 MiB and tens of milliseconds per hash.
const PARAMS: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$key` (base64url): the parameters travel with the hash so they can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * The same hash for an initial password of a sync request, made in the bulk queue (hash-queue.ts):
 * hundreds of them from one request never make a sign-in wait behind them.
 */
export const hashInBulk = (password: string): Promise<string> => inBulkQueue(() => hashPassword(password));

function sha256(salt: Buffer, password: string): Buffer {
  return createHash('sha256').update(salt).update(password.normalize('NFKC')).digest();
}

/** Constant-time check of a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme === 'sha256' && n && r) {
    // Initial passwords stored before every password got scrypt (salted SHA-256 of a generated
    // password); still accepted until changed. Costs as much as an scrypt check, so timing does
    // not tell such an account from another.
    await verifyPassword(password, await DUMMY_HASH_PROMISE);
    const expected = Buffer.from(r, 'base64url');
    const actual = sha256(Buffer.from(n, 'base64url'), password);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(salt, 'base64url'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem },
      (err, k) => (err ? reject(err) : resolve(k)),
    ),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A dummy hash to verify against when the email is unknown, so both paths take as long. */
export const DUMMY_HASH_PROMISE = hashPassword('not-a-real-password');

/** A readable random initial password (user.assign, the vendor CLI), from Node's CSPRNG. */
export const generateInitialPassword = (): string => generatePassword(randomBytes);
