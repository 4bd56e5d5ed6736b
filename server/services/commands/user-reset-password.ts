import { canResetPassword } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { generateInitialPassword, hashInitialPassword } from '../../auth/password';
import { assignmentFacts, findAssignment } from '../../db/assignments';
import { deleteAllSessions } from '../../db/sessions';
import { setInitialPassword } from '../../db/users';
import { rejected, type CommandContext, type Effect } from './effect';

/**
 * A manager resets a seat holder's password: a new initial password (the one queued with the
 * command, or one made here and returned once), to be changed at the next sign-in, and every
 * session of that user ends. Authorization and the target are checked before anything is hashed.
 */
export async function resetPassword(ctx: CommandContext, command: CommandOf<'user.reset_password'>): Promise<Effect> {
  const { trx } = ctx;
  const { payload } = command;
  const standing = await ctx.ledger.standing(payload.licenseId);
  if (!standing) return rejected('not_found');
  const { license, actor } = standing;
  if (!actor.isManager) return rejected('not_license_manager', license.id);
  const target = await findAssignment(trx, license.id, payload.userId);
  const decision = canResetPassword(assignmentFacts(target ? [target] : []), payload.userId, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  const password = payload.initialPassword ?? generateInitialPassword();
  await setInitialPassword(trx, payload.userId, await hashInitialPassword(password));
  await deleteAllSessions(trx, payload.userId);
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { userId: payload.userId, ...(payload.initialPassword ? {} : { initialPassword: password }) },
    detail: { userId: payload.userId, email: target?.email },
  };
}
