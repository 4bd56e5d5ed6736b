import { exceedsBasis, planLicenseReset } from '@shared/domain';
import { actorOn } from '../access';
import type { CommandOf } from '@shared/schemas';
import { deactivateDevices, deviceFacts, licenseDevices } from '../../db/devices';
import { assignmentFacts, deleteAssignments, licenseAssignments } from '../../db/assignments';
import { licenseFacts, lockLicense, setDeactivationCount } from '../../db/licenses';
import { rejected, type CommandContext, type Effect } from './effect';

/** Rule 6: every active device off and every non-manager seat freed, all or nothing. */
export async function resetLicense(ctx: CommandContext, command: CommandOf<'license.reset'>): Promise<Effect> {
  const { trx, user, at } = ctx;
  const license = await lockLicense(trx, ctx.dialect, user.company_id, command.payload.licenseId);
  if (!license) return rejected('not_found');
  const actor = await actorOn(trx, license, user);
  const devices = (await licenseDevices(trx, license.id)).map(deviceFacts);
  const assignments = assignmentFacts(await licenseAssignments(trx, license.id));
  const decision = planLicenseReset(licenseFacts(license), devices, assignments, actor);
  if (!decision.ok) return rejected(decision.code, license.id);
  const { plan } = decision;
  if (decision.kind === 'already_done') {
    return {
      outcome: 'already_done',
      licenseId: license.id,
      result: { devicesDeactivated: 0, usersUnassigned: 0, deactivationCount: license.deactivation_count },
    };
  }
  // Queued offline when fewer devices or users were there: the user confirms the bigger reset first.
  if (command.basis && exceedsBasis(plan, command.basis))
    return { outcome: 'conflict', code: 'conflict', licenseId: license.id };

  await deactivateDevices(trx, plan.deviceIds, at);
  const deactivationCount = license.deactivation_count + plan.deviceIds.length;
  await setDeactivationCount(trx, license.id, deactivationCount);
  await deleteAssignments(trx, license.id, plan.userIds);
  const result = { devicesDeactivated: plan.deviceIds.length, usersUnassigned: plan.userIds.length, deactivationCount };
  return {
    outcome: 'applied',
    licenseId: license.id,
    result,
    detail: { ...result, deviceIds: plan.deviceIds, userIds: plan.userIds },
  };
}
