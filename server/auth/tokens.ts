import { hash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the client holds. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so a leaked database yields no usable session. */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}
