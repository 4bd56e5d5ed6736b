import { apply, alreadyDone, refuse, type Decision } from './decision';
import { isAtLimit, remaining } from './limits';
import type { Actor, DeviceFacts, LicenseFacts } from './types';

/** Rule 3: a license user may reset their own devices, a manager any device of the license. */
export function canTouchDevice(device: DeviceFacts, actor: Actor): boolean {
  return actor.isManager || device.userId === actor.userId;
}

/**
 * Rules 2 and 3: resetting an active device costs one deactivation; at the limit it is refused;
 * an inactive device is `already_done` and costs nothing. Readable offline and on the server alike.
 */
export function canResetDevice(license: LicenseFacts, device: DeviceFacts, actor: Actor): Decision {
  if (device.licenseId !== license.id) return refuse('not_found');
  if (!canTouchDevice(device, actor)) return refuse('forbidden');
  if (!device.active) return alreadyDone();
  if (isAtLimit(license.deactivationCount, license.maxDeactivations)) return refuse('deactivation_limit_reached');
  const left = remaining(license.deactivationCount + 1, license.maxDeactivations);
  return apply(left === 0 ? ['uses_last_deactivation'] : []);
}
