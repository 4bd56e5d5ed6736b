import { canUnassignUser } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { assignmentFacts, findAssignment, removeSeats } from '../../db/assignments';
import { rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/** Rule 5 in reverse: free a seat; managers keep theirs. */
async function unassignUser(ctx: CommandContext, command: CommandOf<'user.unassign'>): Promise<Effect> {
  const { trx, at } = ctx;
  const { payload } = command;
  const standing = await ctx.ledger.standing(payload.licenseId);
  if (!standing) return rejected('not_found');
  const { license, actor } = standing;
  // A license the caller neither holds nor manages answers like a made-up id (nothing to learn).
  if (!actor.isManager && !actor.holdsSeat) return rejected('not_found');
  if (!actor.isManager) return rejected('not_license_manager', license.id);
  const assignment = await findAssignment(trx, license.id, payload.userId);
  const decision = canUnassignUser(assignmentFacts(assignment ? [assignment] : []), payload.userId, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  if (decision.kind === 'already_done')
    return { outcome: 'already_done', licenseId: license.id, result: { userId: payload.userId } };
  const freed = await removeSeats(trx, license.id, [payload.userId], at, ctx.ledger.stamp(license.id));
  ctx.ledger.count(license.id, { seats: -freed });
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { userId: payload.userId },
    detail: { userId: payload.userId, email: assignment?.email },
  };
}

export const userUnassignCommand: ServerCommand<'user.unassign'> = {
  kind: 'user.unassign',
  apply: unassignUser,
  decidedInLedger: false,
  target: (command) => ({ licenseId: command.payload.licenseId }),
};
