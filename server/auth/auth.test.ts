import { describe, expect, it } from 'vitest';
import { generateInitialPassword, hashInitialPassword, hashPassword, verifyPassword } from './password';
import { createSignInLimits, secondsUntil, signInKeys, slowdownMs } from './rate-limit';
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

describe('sign-in limits', () => {
  const policy = createSignInLimits().policy;

  it('count per account and address: the same account from another address, or in other letter case, is told apart only by address', () => {
    const a = signInKeys('CodeGlass', 'Dev@CodeGlass.example', '203.0.113.7');
    const b = signInKeys(' codeglass ', 'dev@codeglass.example', '198.51.100.2');
    expect(a.account).toBe(b.account);
    expect(a.pair).not.toBe(b.pair);
    expect(a.address).not.toBe(b.address);
    expect(a.pair).toMatch(/^[0-9a-f]{64}$/);
  });

  it('slow an account down only past its failure allowance, up to a cap', () => {
    expect(slowdownMs(policy.slowAfter, policy)).toBe(0);
    expect(slowdownMs(policy.slowAfter + 1, policy)).toBe(policy.slowStepMs);
    expect(slowdownMs(policy.slowAfter + 4, policy)).toBe(4 * policy.slowStepMs);
    expect(slowdownMs(10_000, policy)).toBe(policy.slowMaxMs);
  });

  it('say how many whole seconds remain in a window, at least one', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(secondsUntil('2026-01-01T00:15:00.000Z', now)).toBe(900);
    expect(secondsUntil('2026-01-01T00:00:00.200Z', now)).toBe(1);
    expect(secondsUntil('2025-12-31T23:59:00.000Z', now)).toBe(1);
  });
});
