import { setTimeout as sleep } from 'node:timers/promises';
import { rateLimitedMessage } from '@shared/domain';
import { passwordChangeKey, secondsUntil, signInKeys, slowdownMs, type SignInKeys } from '../auth/rate-limit';
import {
  clearAttempts,
  countAttempt,
  deleteEndedWindows,
  isCounted,
  markUntil,
  uncountAttempt,
  type AttemptCount,
} from '../db/sign-in-limits';
import type { Db } from '../db/connect';
import { writeTransaction } from '../db/transaction';
import type { AppDeps } from '../deps';
import { DomainError } from './errors';

function refused(over: AttemptCount[], now: Date, what: 'sign-in' | 'password-change'): DomainError {
  const seconds = Math.max(...over.map((c) => secondsUntil(c.windowEndsAt, now)));
  return new DomainError('rate_limited', { retryAfterSeconds: seconds, message: rateLimitedMessage(seconds, what) });
}

/**
 * Deletes the sign-in and new-password counters and the known-address marks whose window has
 * ended, now and then every `everyMs` (COUNTER_SWEEP_EVERY_MS) until the returned stop() is
 * called: a counter is kept until its window ends, and at most that long after, whether or not
 * anyone signs in meanwhile. stop() waits for a sweep under way. A failed sweep is logged; the
 * next one tries again.
 */
export function startCounterSweeps(
  db: Db,
  now: () => Date,
  everyMs: number,
  log: (message: string, error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(() =>
      deleteEndedWindows(db.kysely, now()).catch((error: unknown) =>
        log('sweeping ended sign-in counters failed', error),
      ),
    );
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * Admits one sign-in attempt: counted up front on its account + address pair, its address and
 * its account, in one transaction, so parallel guesses cannot slip past a limit. Refused (and
 * given back) when this address is over a limit, or when the account failed too often from
 * anywhere and this address is not one it signed in from lately; otherwise it waits while the
 * account is under attack, then goes on to the password check. So guesses spread over many
 * addresses stop at the account's budget, while its owner, where they signed in before, goes on.
 */
export async function admitSignIn(
  deps: AppDeps,
  account: { companyId: string; email: string },
  address: string,
): Promise<SignInKeys> {
  const { policy } = deps.limits;
  const now = deps.now();
  const keys = signInKeys(account.companyId, account.email, address);
  const [pair, perAddress, perAccount] = await writeTransaction(deps.db, async (trx) => [
    await countAttempt(trx, keys.pair, now, policy.windowMs),
    await countAttempt(trx, keys.address, now, policy.windowMs),
    await countAttempt(trx, keys.account, now, policy.windowMs),
  ]);
  const over = [
    ...(pair.attempts > policy.perAccountAndAddress ? [pair] : []),
    ...(perAddress.attempts > policy.perAddress ? [perAddress] : []),
  ];
  if (perAccount.attempts > policy.perAccount && !(await isCounted(deps.db.kysely, keys.known, now)))
    over.push(perAccount);
  if (over.length > 0) {
    await settle(deps, keys, 'refused');
    throw refused(over, now, 'sign-in');
  }
  const wait = slowdownMs(perAccount.attempts - 1, policy);
  if (wait > 0) await sleep(wait);
  return keys;
}

/**
 * After the password check: a right password gives its attempt back and clears the failures of
 * its own address on the account (the failures of other addresses stay counted); a wrong one
 * stays counted; a refused one is given back, so waiting out a limit never extends it.
 */
export async function settle(deps: AppDeps, keys: SignInKeys, outcome: 'right' | 'wrong' | 'refused'): Promise<void> {
  if (outcome === 'wrong') return;
  await writeTransaction(deps.db, async (trx) => {
    await (outcome === 'right' ? clearAttempts(trx, keys.pair) : uncountAttempt(trx, keys.pair));
    await uncountAttempt(trx, keys.address);
    await uncountAttempt(trx, keys.account);
    if (outcome === 'right')
      await markUntil(trx, keys.known, new Date(deps.now().getTime() + deps.limits.policy.knownAddressMs));
  });
}

/**
 * The current-password check of a password change: per session, like sign-in, counted up front.
 * Per session, so one session guessing (a stolen one) blocks only itself, never the user's others.
 */
export async function admitPasswordCheck(deps: AppDeps, sessionTokenHash: string): Promise<void> {
  const { policy } = deps.limits;
  const now = deps.now();
  const key = passwordChangeKey(sessionTokenHash);
  const count = await countAttempt(deps.db.kysely, key, now, policy.windowMs);
  if (count.attempts > policy.passwordChange) {
    await uncountAttempt(deps.db.kysely, key);
    throw refused([count], now, 'password-change');
  }
}

export async function settlePasswordCheck(deps: AppDeps, sessionTokenHash: string, right: boolean): Promise<void> {
  if (right) await clearAttempts(deps.db.kysely, passwordChangeKey(sessionTokenHash));
}
