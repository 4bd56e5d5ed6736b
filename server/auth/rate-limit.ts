import { createHash } from 'node:crypto';
import { normalizeEmail } from '@shared/domain';

/**
 * How sign-in guessing is bounded without letting anyone lock a user out who has the right
 * password (the README's security model says the same in prose). Counters live in the database
 * (db/sign-in-limits.ts), in fixed windows.
 */
export interface SignInPolicy {
  windowMs: number;
  /** Failed sign-ins one address may make on one account per window; then that address waits. */
  perAccountAndAddress: number;
  /** Failed sign-ins one address may make per window on any accounts (spraying, unknown emails). */
  perAddress: number;
  /** Failures on one account, from any address, after which each attempt on it is slowed down. */
  slowAfter: number;
  /**
   * Failures on one account, from any address, after which only addresses it signed in from
   * lately (knownAddressMs) may still try it in that window: guesses spread over many addresses
   * stop there, while its owner, at a place they signed in from before, still signs in.
   */
  perAccount: number;
  /** How long a right password makes its address known for its account. */
  knownAddressMs: number;
  /** The slowdown grows by this much per failure past slowAfter, up to slowMaxMs. */
  slowStepMs: number;
  slowMaxMs: number;
  /** Wrong current passwords per session per window when changing the password. */
  passwordChange: number;
  /**
   * New passwords (initial ones of new accounts and resets: each a check of its strength and an
   * scrypt hash) one sync request may ask for, and one user per window: the rest wait for a later
   * request (`too_many_new_passwords`). 200 hash in about 5 s on two cores.
   */
  newPasswordsPerRequest: number;
  newPasswordsPerWindow: number;
  newPasswordsWindowMs: number;
}

const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 5,
  // Far above what people behind one office address mistype in 15 minutes.
  perAddress: 200,
  slowAfter: 10,
  perAccount: 30,
  knownAddressMs: 30 * 24 * 60 * 60_000,
  slowStepMs: 250,
  slowMaxMs: 3_000,
  passwordChange: 5,
  newPasswordsPerRequest: 200,
  newPasswordsPerWindow: 600,
  newPasswordsWindowMs: 60_000,
};

/** A counter's key: a hash, so the table has fixed-length keys and keeps no typed emails. */
const limitKey = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

export interface SignInKeys {
  /** This account from this address. */
  pair: string;
  /** This address, whatever the account. */
  address: string;
  /** This account, from any address. */
  account: string;
  /** Set while this address is known for this account (a right password from it lately). */
  known: string;
}

/**
 * The part of a client address its limits count under. An IPv6 client usually has a whole /64
 * (2^64 addresses) to pick from, so it counts as its /64; an IPv4 address mapped into IPv6
 * (`::ffff:203.0.113.7`) counts as that IPv4 address.
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^(?:0*:)*:?(?:0*:)*ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::')
    ? [...front, ...Array(8 - front.length - back.length).fill('0'), ...back]
    : front;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

export function signInKeys(companyId: string, email: string, address: string): SignInKeys {
  const account = [companyId.trim().toLowerCase(), normalizeEmail(email)];
  const from = addressKey(address);
  return {
    pair: limitKey('pair', ...account, from),
    address: limitKey('address', from),
    account: limitKey('account', ...account),
    known: limitKey('known', ...account, from),
  };
}

/** Wrong current passwords are counted per session (its token's hash): one session guessing blocks only itself. */
export const passwordChangeKey = (sessionTokenHash: string) => limitKey('password-change', sessionTokenHash);

/** New passwords a user's sync requests asked for. */
export const newPasswordsKey = (userId: string) => limitKey('new-passwords', userId);

/** How long an attempt on an account with this many failures (from anywhere) waits before its check. */
export function slowdownMs(accountFailures: number, policy: SignInPolicy): number {
  const over = accountFailures - policy.slowAfter;
  return over <= 0 ? 0 : Math.min(policy.slowMaxMs, over * policy.slowStepMs);
}

/** Whole seconds until a window ends (at least 1), for Retry-After. */
export function secondsUntil(windowEndsAt: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(windowEndsAt) - now.getTime()) / 1000));
}

/**
 * How often each server process deletes the counters and marks whose window has ended
 * (services/sign-in-limits.ts, startCounterSweeps): so a counter is kept until its window ends and
 * at most this long after.
 */
export const COUNTER_SWEEP_EVERY_MS = 60_000;

/** The policy a server runs with. */
export interface SignInLimits {
  policy: SignInPolicy;
}

export function createSignInLimits(overrides: Partial<SignInPolicy> = {}): SignInLimits {
  return { policy: { ...DEFAULT_SIGN_IN_POLICY, ...overrides } };
}
