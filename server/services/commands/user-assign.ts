import { randomUUID } from 'node:crypto';
import { canTakeSeat } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { generateInitialPassword, hashInitialPassword } from '../../auth/password';
import { licenseFacts } from '../../db/licenses';
import { addSeat, isAssigned } from '../../db/assignments';
import { findUserByEmail, insertUser } from '../../db/users';
import { rejected, type CommandContext, type Effect, type NewAccount } from './effect';

/**
 * The initial password of a new account and its hash. A generated one hashes in microseconds
 * (hashInitialPassword); one a person typed takes scrypt, which the sync does beforehand, in
 * parallel, for the commands that will apply.
 */
export async function prepareNewAccount(payload: CommandOf<'user.assign'>['payload']): Promise<NewAccount> {
  const password = payload.initialPassword ?? generateInitialPassword();
  return { password, hash: await hashInitialPassword(password), generated: payload.initialPassword === undefined };
}

/** Rule 5: take a seat; an unknown email gets an account that must change its password. */
export async function assignUser(ctx: CommandContext, command: CommandOf<'user.assign'>): Promise<Effect> {
  const { trx, user, at } = ctx;
  const { payload } = command;
  const standing = await ctx.ledger.standing(payload.licenseId);
  if (!standing) return rejected('not_found');
  const { license, actor } = standing;
  // Authorization first: nothing else is looked up (or hashed) for a caller who may not assign.
  if (!actor.isManager) return rejected('not_license_manager', license.id);
  const existing = await findUserByEmail(trx, user.company_id, payload.email);
  const alreadyAssigned = existing !== undefined && (await isAssigned(trx, license.id, existing.id));
  const decision = canTakeSeat(licenseFacts(license), { seatsUsed: license.seats_used, alreadyAssigned }, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  if (decision.kind === 'already_done') {
    return { outcome: 'already_done', licenseId: license.id, result: { userId: existing!.id, created: false } };
  }
  let userId = existing?.id;
  let generatedPassword: string | undefined;
  if (!userId) {
    const account = ctx.newAccount ?? (await prepareNewAccount(payload));
    userId = randomUUID();
    await insertUser(trx, {
      id: userId,
      companyId: user.company_id,
      email: payload.email,
      firstName: payload.firstName ?? '',
      lastName: payload.lastName ?? '',
      passwordHash: account.hash,
      mustChangePassword: true,
      createdAt: at,
    });
    if (account.generated) generatedPassword = account.password;
  }
  await addSeat(trx, license.id, userId, at, ctx.ledger.stamp(license.id));
  ctx.ledger.count(license.id, { seats: 1 });
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { userId, created: !existing, ...(generatedPassword ? { initialPassword: generatedPassword } : {}) },
    detail: { userId, email: payload.email.trim().toLowerCase(), created: !existing },
  };
}
