import { normalizeEmail, seatsFor, isManagerOf } from '@shared/domain';
import type { Command } from '@shared/schemas';
import { generateInitialPassword, hashInBulk } from '../auth/password';
import { isStrongInitialPassword } from '../auth/password-strength';
import { storedResults } from '../db/applied-ops';
import { appointedLicenses } from '../db/managers';
import { existingEmails, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { newAccountEmail, setsPassword, type SetsPassword } from './commands';
import type { NewPassword } from './commands/effect';
import { admitNewPasswords } from './new-password-limit';

/** What the sync made ready before its transaction: initial passwords by opId, and who waits. */
export interface PasswordPlan {
  prepared: ReadonlyMap<string, NewPassword>;
  /** Commands that would set a password past this request's or this minute's budget. */
  deferred: ReadonlySet<string>;
}

/** Strength checks run on this thread (about 1 ms each): let other requests in between every few. */
const CHECKS_BETWEEN_YIELDS = 10;

/**
 * Every initial password the request's commands will set, checked and hashed before the write
 * transaction, so a chunk never hashes: an scrypt hash costs tens of milliseconds of CPU, and
 * hundreds inside one transaction held every other writer up. Only commands that pass the cheap
 * checks get one (a first try of the opId, by a manager of the license; an assign only for an email
 * without an account while the license has a seat for it); in request order, as many as the user's
 * budget allows (admitNewPasswords); the rest are deferred. A password sent with the command must
 * be strong (`weak_password`); one the server makes is. The hashes run in the bulk queue.
 */
export async function prepareNewPasswords(
  deps: AppDeps,
  user: UserRow,
  commands: readonly Command[],
): Promise<PasswordPlan> {
  const candidates = commands.filter(setsPassword);
  if (candidates.length === 0) return { prepared: new Map(), deferred: new Set() };
  const needing = await needingPasswords(deps, user, candidates);
  const granted = await admitNewPasswords(deps, user.id, needing.length);
  const prepared = new Map<string, NewPassword>();
  const work: Array<Promise<void>> = [];
  for (const [i, command] of needing.slice(0, granted).entries()) {
    if (i % CHECKS_BETWEEN_YIELDS === CHECKS_BETWEEN_YIELDS - 1) await new Promise((r) => setImmediate(r));
    const typed = command.payload.initialPassword;
    if (typed !== undefined && !isStrongInitialPassword(typed)) {
      prepared.set(command.opId, { ok: false, code: 'weak_password' });
      continue;
    }
    const password = typed ?? generateInitialPassword();
    work.push(
      hashInBulk(password).then((hash) => {
        prepared.set(command.opId, { ok: true, password, hash, generated: typed === undefined });
      }),
    );
  }
  await Promise.all(work);
  return { prepared, deferred: new Set(needing.slice(granted).map((c) => c.opId)) };
}

/** The commands that will set a password if nothing changes before their chunk, in request order. */
async function needingPasswords(deps: AppDeps, user: UserRow, candidates: SetsPassword[]): Promise<SetsPassword[]> {
  const { kysely } = deps.db;
  const seatsLeft = new Map<string, number>();
  for (const l of await appointedLicenses(kysely, user.id)) {
    if (isManagerOf(l.subscription_kind, true))
      seatsLeft.set(l.id, seatsFor(l.subscription_kind, l.quantity) - l.seats_used);
  }
  const stored = await storedResults(
    kysely,
    user.company_id,
    candidates.map((c) => c.opId),
  );
  const taken = await existingEmails(
    kysely,
    user.company_id,
    candidates.flatMap((c) => newAccountEmail(c) ?? []),
  );
  return candidates.filter((c) => {
    const left = seatsLeft.get(c.payload.licenseId);
    if (left === undefined || stored.has(c.opId)) return false;
    const forEmail = newAccountEmail(c);
    if (forEmail === undefined) return true;
    const email = normalizeEmail(forEmail);
    if (left <= 0 || taken.has(email)) return false;
    seatsLeft.set(c.payload.licenseId, left - 1);
    taken.add(email);
    return true;
  });
}
