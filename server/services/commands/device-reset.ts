import { canResetDevice } from '@shared/domain';
import type { CommandOf } from '@shared/schemas';
import { licenseFacts } from '../../db/licenses';
import { refusal, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/**
 * Rules 2 and 3: deactivate one device, counting it against the deactivation limit. It decides on
 * the chunk's rows and writes nothing itself: the ledger writes the chunk's deactivations together.
 */
async function resetDevice(ctx: CommandContext, command: CommandOf<'device.reset'>): Promise<Effect> {
  // Only the caller's company's devices are there (rule 9).
  const device = ctx.devices.get(command.payload.deviceId);
  if (!device) return rejected('not_found');
  const standing = await ctx.ledger.standing(device.licenseId);
  if (!standing) return rejected('not_found');
  const { license, actor } = standing;
  // Someone else's device on a license the caller does not manage is not theirs to see (the
  // device lists show it to no one else): it answers like a made-up id, and is not stored.
  if (!actor.isManager && device.userId !== actor.userId) return rejected('not_found');
  const decision = canResetDevice(licenseFacts(license), device, actor);
  if (!decision.ok) return refusal(decision, license.id);
  if (decision.kind === 'already_done') {
    return {
      outcome: 'already_done',
      licenseId: license.id,
      result: { deviceId: device.id, deactivationCount: license.deactivation_count },
    };
  }
  ctx.ledger.stamp(license.id);
  ctx.ledger.deactivate(license.id, device.id);
  const deactivationCount = ctx.ledger.count(license.id, { activeDevices: -1, deactivations: 1 });
  device.active = false;
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { deviceId: device.id, deactivationCount },
    detail: { deviceId: device.id, hostname: device.hostname, owner: device.userEmail, deactivationCount },
  };
}

export const deviceResetCommand: ServerCommand<'device.reset'> = {
  kind: 'device.reset',
  apply: resetDevice,
  decidedInLedger: true,
  target: (command) => ({ deviceId: command.payload.deviceId }),
};
