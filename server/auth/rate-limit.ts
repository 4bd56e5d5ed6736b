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
  /** The slowdown grows by this much per failure past slowAfter, up to slowMaxMs. */
  slowStepMs: number;
  slowMaxMs: number;
  /** Wrong current passwords per user per window when changing the password. */
  passwordChange: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  windowMs: 15 * 60_000,
  perAccountAndAddress: 5,
  // Far above what people behind one office address mistype in 15 minutes.
  perAddress: 200,
  slowAfter: 10,
  slowStepMs: 250,
  slowMaxMs: 3_000,
  passwordChange: 5,
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
}

export function signInKeys(companyId: string, email: string, address: string): SignInKeys {
  const account = [companyId.trim().toLowerCase(), normalizeEmail(email)];
  return {
    pair: limitKey('pair', ...account, address),
    address: limitKey('address', address),
    account: limitKey('account', ...account),
  };
}

export const passwordChangeKey = (userId: string) => limitKey('password-change', userId);

/** How long an attempt on an account with this many failures (from anywhere) waits before its check. */
export function slowdownMs(accountFailures: number, policy: SignInPolicy): number {
  const over = accountFailures - policy.slowAfter;
  return over <= 0 ? 0 : Math.min(policy.slowMaxMs, over * policy.slowStepMs);
}

/** Whole seconds until a window ends (at least 1), for Retry-After. */
export function secondsUntil(windowEndsAt: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(windowEndsAt) - now.getTime()) / 1000));
}

/** Ended windows are swept every this many counted attempts (per process). */
const SWEEP_EVERY = 500;

/** The policy a server runs with, and when to sweep counters whose window has ended. */
export interface SignInLimits {
  policy: SignInPolicy;
  sweepDue(): boolean;
}

export function createSignInLimits(overrides: Partial<SignInPolicy> = {}): SignInLimits {
  const policy = { ...DEFAULT_SIGN_IN_POLICY, ...overrides };
  let counted = 0;
  return { policy, sweepDue: () => ++counted % SWEEP_EVERY === 0 };
}
