import { isManagerOf, normalizeEmail, seatsFor } from '@shared/domain';
import type { Command, CommandOf } from '@shared/schemas';
import { hashPassword, needsSlowHash } from '../auth/password';
import { storedResults } from '../db/applied-ops';
import { appointedLicenses } from '../db/managers';
import { existingEmails, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import type { NewAccount } from './commands/effect';

type Assign = CommandOf<'user.assign'>;

/**
 * Initial passwords a person typed need scrypt (~45 ms of CPU each). They are hashed here, before
 * the write transaction and in parallel on the thread pool, and only for commands that pass the
 * cheap checks first: a first try of the opId, by a manager of the license, for an email without
 * an account, while the license has a seat for it. Any other command gets no hash: it cannot
 * create an account, or it will be refused. (A race that slips past this is hashed in the command.)
 */
export async function prepareSlowAccounts(
  deps: AppDeps,
  user: UserRow,
  commands: readonly Command[],
): Promise<Map<string, NewAccount>> {
  const slow = commands.filter(
    (c): c is Assign =>
      c.kind === 'user.assign' && c.payload.initialPassword !== undefined && needsSlowHash(c.payload.initialPassword),
  );
  if (slow.length === 0) return new Map();
  const { kysely } = deps.db;
  const seatsLeft = new Map<string, number>();
  for (const l of await appointedLicenses(kysely, user.id)) {
    if (isManagerOf(l.subscription_kind, true))
      seatsLeft.set(l.id, seatsFor(l.subscription_kind, l.quantity) - l.seats_used);
  }
  const stored = await storedResults(
    kysely,
    user.company_id,
    slow.map((c) => c.opId),
  );
  const taken = await existingEmails(
    kysely,
    user.company_id,
    slow.map((c) => c.payload.email),
  );
  const worth = slow.filter((c) => {
    const left = seatsLeft.get(c.payload.licenseId) ?? 0;
    const email = normalizeEmail(c.payload.email);
    if (left <= 0 || stored.has(c.opId) || taken.has(email)) return false;
    seatsLeft.set(c.payload.licenseId, left - 1);
    taken.add(email);
    return true;
  });
  const hashed = await Promise.all(
    worth.map(async (c): Promise<[string, NewAccount]> => {
      const password = c.payload.initialPassword!;
      return [c.opId, { password, hash: await hashPassword(password), generated: false }];
    }),
  );
  return new Map(hashed);
}
