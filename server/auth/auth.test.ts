import { describe, expect, it } from 'vitest';
import { generateInitialPassword, hashInitialPassword, hashPassword, verifyPassword } from './password';
import { RateLimiter } from './rate-limit';
import { hashToken, newSessionToken } from './tokens';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one; each hash has its own salt', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horse!', a)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('generates a fresh readable initial password each time', () => {
    const password = generateInitialPassword();
    expect(password).toMatch(/^[a-hj-km-np-zA-HJ-NP-Z2-9]{14}$/);
    expect(generateInitialPassword()).not.toBe(password);
  });
});

describe('initial passwords', () => {
  it('stores a generated one as a salted SHA-256, marked as such, and verifies it', async () => {
    const password = 'Xk7pQ2mRt9vHw3'; // the shape generatePassword produces
    const stored = await hashInitialPassword(password);
    expect(stored).toMatch(/^sha256\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(password);
    expect(await hashInitialPassword(password)).not.toBe(stored);
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword('Xk7pQ2mRt9vHw4', stored)).toBe(false);
  });

  it('stores anything a person may have typed with scrypt', async () => {
    expect(await hashInitialPassword('racer-pass-1')).toMatch(/^scrypt\$/);
    expect(await hashInitialPassword('aaaaaaaaaaaaaa')).toMatch(/^scrypt\$/);
  });
});

describe('session tokens', () => {
  it('are 32 random bytes and stored only as a sha256 hash', () => {
    const token = newSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe('RateLimiter', () => {
  it('allows max hits per window, then says how long to wait, then forgets', () => {
    const limiter = new RateLimiter(2, 1000);
    limiter.hit('k', 0);
    expect(limiter.retryAfterMs('k', 10)).toBe(0);
    limiter.hit('k', 10);
    expect(limiter.retryAfterMs('k', 400)).toBe(600);
    expect(limiter.retryAfterMs('other', 400)).toBe(0);
    expect(limiter.retryAfterMs('k', 1000)).toBe(0);
  });
});
