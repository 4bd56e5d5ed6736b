import { exceedsBasis, planLicenseReset } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { deactivateDevices, deviceFacts, licenseDevices } from '../../db/devices';
import { assignmentFacts, licenseAssignments, removeSeats } from '../../db/assignments';
import { licenseFacts } from '../../db/licenses';
import { managerStanding, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/** Rule 6: every active device off and every non-manager seat freed, all or nothing. */
async function resetLicense(ctx: CommandContext, command: CommandOf<'license.reset'>): Promise<Effect> {
  const { trx, at } = ctx;
  const standing = await managerStanding(ctx, command.payload.licenseId);
  if (!standing.ok) return standing.refused;
  const { license, actor } = standing;
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

  const version = ctx.ledger.stamp(license.id);
  const changed = await deactivateDevices(trx, plan.deviceIds, at, version);
  for (const id of plan.deviceIds) {
    const device = ctx.devices.get(id);
    if (device) device.active = false;
  }
  const freed = await removeSeats(trx, license.id, plan.userIds, at, version);
  const deactivationCount = ctx.ledger.count(license.id, {
    activeDevices: -changed,
    deactivations: changed,
    seats: -freed,
  });
  const result = { devicesDeactivated: plan.deviceIds.length, usersUnassigned: plan.userIds.length, deactivationCount };
  return {
    outcome: 'applied',
    licenseId: license.id,
    result,
    detail: { deviceIds: plan.deviceIds, userIds: plan.userIds, ...result },
  };
}

export const licenseResetCommand: ServerCommand<'license.reset'> = {
  kind: 'license.reset',
  apply: resetLicense,
  decidedInLedger: false,
  target: (command) => ({ licenseId: command.payload.licenseId }),
};
