import { apply, alreadyDone, refuse, type Decision } from './decision';
import { isAtLimit, remaining } from './limits';
import type { Actor, DeviceFacts, LicenseFacts } from './types';

/** The caller on one license, for device rules: a license user's rights last only while they hold a seat. */
export interface DeviceActor extends Actor {
  /** They hold a seat of the license now (unassigned users keep their devices' history, not their rights). */
  holdsSeat: boolean;
}

/**
 * Rule 3: a license user may reset their own devices while they hold a seat; a manager of the
 * license any of its devices.
 */
export function canTouchDevice(device: DeviceFacts, actor: DeviceActor): boolean {
  return actor.isManager || (actor.holdsSeat && device.userId === actor.userId);
}

/**
 * Rules 2 and 3: resetting an active device costs one deactivation; at the limit it is refused;
 * an inactive device is `already_done` and costs nothing. A user removed from the license may no
 * longer spend its deactivations (`not_assigned`). Readable offline and on the server alike.
 */
export function canResetDevice(license: LicenseFacts, device: DeviceFacts, actor: DeviceActor): Decision {
  if (device.licenseId !== license.id) return refuse('not_found');
  if (!actor.isManager && device.userId !== actor.userId) return refuse('forbidden');
  if (!canTouchDevice(device, actor)) return refuse('not_assigned');
  if (!device.active) return alreadyDone();
  if (isAtLimit(license.deactivationCount, license.maxDeactivations)) return refuse('deactivation_limit_reached');
  const left = remaining(license.deactivationCount + 1, license.maxDeactivations);
  return apply(left === 0 ? ['uses_last_deactivation'] : []);
}
