import { randomUUID } from 'node:crypto';
import { canTakeSeat, initialPasswordExpiresAt } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { lockAccount } from '../../db/accounts';
import { licenseFacts } from '../../db/licenses';
import { addSeat, isAssigned } from '../../db/assignments';
import { findUserByEmail, insertUser } from '../../db/users';
import { managerStanding, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/**
 * Rule 5: take a seat; an unknown email gets an account that must change its password within
 * INITIAL_PASSWORD_VALID_DAYS. Its password was checked and hashed before the transaction.
 */
async function assignUser(ctx: CommandContext, command: CommandOf<'user.assign'>): Promise<Effect> {
  const { trx, user, at } = ctx;
  const { payload } = command;
  const standing = await managerStanding(ctx, payload.licenseId);
  if (!standing.ok) return standing.refused;
  const { license, actor } = standing;
  const existing = await findUserByEmail(trx, user.company_id, payload.email);
  const alreadyAssigned = existing !== undefined && (await isAssigned(trx, license.id, existing.id));
  const decision = canTakeSeat(licenseFacts(license), { seatsUsed: license.seats_used, alreadyAssigned }, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  if (decision.kind === 'already_done') {
    return { outcome: 'already_done', licenseId: license.id, result: { userId: existing!.id, created: false } };
  }
  let userId = existing?.id;
  let generatedPassword: string | undefined;
  let passwordExpiresAt: string | undefined;
  if (userId) await lockAccount(trx, ctx.dialect, userId);
  else {
    const account = ctx.newPassword(command);
    if (!account.ok) return rejected(account.code, license.id);
    userId = randomUUID();
    passwordExpiresAt = initialPasswordExpiresAt(at);
    await insertUser(trx, {
      id: userId,
      companyId: user.company_id,
      email: payload.email,
      firstName: payload.firstName ?? '',
      lastName: payload.lastName ?? '',
      passwordHash: account.hash,
      mustChangePassword: true,
      createdAt: at,
      initialPasswordExpiresAt: passwordExpiresAt,
    });
    if (account.generated) generatedPassword = account.password;
  }
  await addSeat(trx, license.id, userId, at, ctx.ledger.stamp(license.id));
  ctx.ledger.count(license.id, { seats: 1 });
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: {
      userId,
      created: !existing,
      ...(generatedPassword ? { initialPassword: generatedPassword } : {}),
      ...(passwordExpiresAt ? { passwordExpiresAt } : {}),
    },
    detail: { userId, email: payload.email.trim().toLowerCase(), created: !existing },
  };
}

export const userAssignCommand: ServerCommand<'user.assign'> = {
  kind: 'user.assign',
  apply: assignUser,
  decidedInLedger: false,
  target: (command) => ({ licenseId: command.payload.licenseId }),
  setsPassword: { newAccountEmail: (command) => command.payload.email },
};
