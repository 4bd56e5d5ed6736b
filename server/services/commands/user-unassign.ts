import { canUnassignUser } from '@shared/domain';
import { actorOn } from '../access';
import type { CommandOf } from '@shared/schemas';
import { lockLicense } from '../../db/licenses';
import { assignmentFacts, deleteAssignments, licenseAssignments } from '../../db/assignments';
import { rejected, type CommandContext, type Effect } from './effect';

/** Rule 5 in reverse: free a seat; managers keep theirs. */
export async function unassignUser(ctx: CommandContext, command: CommandOf<'user.unassign'>): Promise<Effect> {
  const { trx, user } = ctx;
  const { payload } = command;
  const license = await lockLicense(trx, ctx.dialect, user.company_id, payload.licenseId);
  if (!license) return rejected('not_found');
  const actor = await actorOn(trx, license, user);
  const assignments = await licenseAssignments(trx, license.id);
  const decision = canUnassignUser(assignmentFacts(assignments), payload.userId, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  if (decision.kind === 'already_done')
    return { outcome: 'already_done', licenseId: license.id, result: { userId: payload.userId } };
  await deleteAssignments(trx, license.id, [payload.userId]);
  const email = assignments.find((a) => a.user_id === payload.userId)?.email;
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { userId: payload.userId },
    detail: { userId: payload.userId, email },
  };
}
