import { canResetDevice } from '@shared/domain';
import { actorOn } from '../access';
import type { CommandOf } from '@shared/schemas';
import { deactivateDevices, deviceFacts, findDevice } from '../../db/devices';
import { licenseFacts, lockLicense, setDeactivationCount } from '../../db/licenses';
import { refusal, rejected, type CommandContext, type Effect } from './effect';

/** Rules 2 and 3: deactivate one device, counting it against the deactivation limit. */
export async function resetDevice(ctx: CommandContext, command: CommandOf<'device.reset'>): Promise<Effect> {
  const { trx, user, at } = ctx;
  const found = await findDevice(trx, command.payload.deviceId);
  if (!found) return rejected('not_found');
  // Another company's device does not exist for this caller (rule 9).
  const license = await lockLicense(trx, ctx.dialect, user.company_id, found.license_id);
  if (!license) return rejected('not_found');
  // Read again under the license lock: a concurrent reset may have just deactivated it.
  const device = (await findDevice(trx, found.id))!;
  const actor = await actorOn(trx, license, user);
  const decision = canResetDevice(licenseFacts(license), deviceFacts(device), actor);
  if (!decision.ok) return refusal(decision, license.id);
  if (decision.kind === 'already_done') {
    return {
      outcome: 'already_done',
      licenseId: license.id,
      result: { deviceId: device.id, deactivationCount: license.deactivation_count },
    };
  }
  await deactivateDevices(trx, [device.id], at);
  const deactivationCount = license.deactivation_count + 1;
  await setDeactivationCount(trx, license.id, deactivationCount);
  return {
    outcome: 'applied',
    licenseId: license.id,
    result: { deviceId: device.id, deactivationCount },
    detail: { deviceId: device.id, hostname: device.hostname, owner: device.user_email, deactivationCount },
  };
}
