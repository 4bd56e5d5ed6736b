import { canUnassignUser } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { assignmentFacts, findAssignment, removeSeats } from '../../db/assignments';
import { managerStanding, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/** Rule 5 in reverse: free a seat; managers keep theirs. */
async function unassignUser(ctx: CommandContext, command: CommandOf<'user.unassign'>): Promise<Effect> {
  const { trx, at } = ctx;
  const { payload } = command;
  const standing = await managerStanding(ctx, payload.licenseId);
  if (!standing.ok) return standing.refused;
  const { license, actor } = standing;
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
