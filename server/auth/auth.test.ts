import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { BULK_HASHES_AT_ONCE, inBulkQueue } from './hash-queue';
import { generateInitialPassword, hashInBulk, hashPassword, verifyPassword } from './password';
import { isStrongInitialPassword } from './password-strength';
import { addressKey, createSignInLimits, secondsUntil, signInKeys, slowdownMs } from './rate-limit';
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
  it('are stored with scrypt, generated ones too, each with its own salt', async () => {
    const password = 'Xk7pQ2mRt9vHw3'; // the shape generatePassword produces
    const stored = await hashInBulk(password);
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await hashInBulk(password)).not.toBe(stored);
    expect(await verifyPassword(password, stored)).toBe(true);
  });

  it('still verify the salted SHA-256 of a generated password stored before they all got scrypt', async () => {
    const salt = randomBytes(16);
    const key = createHash('sha256').update(salt).update('Xk7pQ2mRt9vHw3').digest('base64url');
    const stored = `sha256$${salt.toString('base64url')}$${key}`;
    expect(await verifyPassword('Xk7pQ2mRt9vHw3', stored)).toBe(true);
    expect(await verifyPassword('Xk7pQ2mRt9vHw4', stored)).toBe(false);
  });
});

describe('initial password strength', () => {
  it.each(['abcdefghjkmnpq', 'Summer2345abcd', 'Password123456', 'qwertzuiopasdf', 'aaaaaaaaaaaaaa'])(
    'refuses %s: a word, a pattern or a sequence',
    (password) => {
      expect(isStrongInitialPassword(password)).toBe(false);
    },
  );

  it('accepts every generated password and a long passphrase', () => {
    for (let n = 0; n < 300; n += 1) expect(isStrongInitialPassword(generateInitialPassword())).toBe(true);
    expect(isStrongInitialPassword('correct horse battery staple')).toBe(true);
  });
});

describe('the bulk hashing queue', () => {
  it(`runs at most ${BULK_HASHES_AT_ONCE} at a time, in arrival order, and every one to its end`, async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) =>
      inBulkQueue(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        order.push(n);
        if (n === 3) throw new Error('three fails alone');
        return n;
      });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, n) => work(n)));
    expect(most).toBe(BULK_HASHES_AT_ONCE);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect(order.slice(0, 2).sort()).toEqual([0, 1]);
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

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:1:2:3', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('count the address %s as %s (IPv6 by its /64)', (address, key) => {
    expect(addressKey(address)).toBe(key);
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
