import { describe, expect, it } from 'vitest';
import { generateInitialPassword, hashPassword, verifyPassword } from './password';
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
