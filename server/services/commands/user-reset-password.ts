import { canResetPassword, initialPasswordExpiresAt } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { accountStanding, managedLicenseIds } from '../../db/accounts';
import { deleteAllSessions } from '../../db/sessions';
import { setInitialPassword } from '../../db/users';
import { managerStanding, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/**
 * A manager resets a seat holder's password: a new initial password (the one queued with the
 * command, or one made here and returned once), to be changed at the next sign-in, and every
 * session of that user ends. The rule looks at the whole account (canResetPassword): every license
 * it holds a seat on must be one this manager manages, and it may manage none. The reset is logged
 * on each of those licenses. Its hash was made before the transaction (the sync's new passwords).
 */
async function resetPassword(ctx: CommandContext, command: CommandOf<'user.reset_password'>): Promise<Effect> {
  const { trx, user } = ctx;
  const { payload } = command;
  const standing = await managerStanding(ctx, payload.licenseId);
  if (!standing.ok) return standing.refused;
  const { license, actor } = standing;
  const target = await accountStanding(trx, ctx.dialect, user.company_id, payload.userId);
  const managed = await managedLicenseIds(trx, user.id);
  const decision = canResetPassword(license.id, target, actor, (id) => managed.has(id));
  if (!decision.ok) return rejected(decision.code, license.id);
  const account = ctx.newPassword(command);
  if (!account.ok) return rejected(account.code, license.id);
  const passwordExpiresAt = initialPasswordExpiresAt(ctx.at);
  await setInitialPassword(trx, payload.userId, account.hash, passwordExpiresAt);
  await deleteAllSessions(trx, payload.userId);
  const others = target!.seatLicenseIds.filter((id) => id !== license.id);
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: {
      userId: payload.userId,
      passwordExpiresAt,
      ...(account.generated ? { initialPassword: account.password } : {}),
    },
    detail: { userId: payload.userId, email: target!.email },
    ...(others.length > 0 ? { alsoLoggedOn: others } : {}),
  };
}

export const userResetPasswordCommand: ServerCommand<'user.reset_password'> = {
  kind: 'user.reset_password',
  apply: resetPassword,
  decidedInLedger: false,
  target: (command) => ({ licenseId: command.payload.licenseId }),
  setsPassword: {},
};
