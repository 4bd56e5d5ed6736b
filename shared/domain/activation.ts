import { apply, alreadyDone, refuse, type Decision } from './decision';
import { isAtLimit, remaining } from './limits';
import type { DeviceFacts, LicenseFacts } from './types';
import { licenseRefusal } from './validity';

export interface ActivationInput {
  license: LicenseFacts;
  /** Every device of the license (active or not). */
  devices: readonly DeviceFacts[];
  hardwareId: string;
  /** The activating user holds a seat of the license. */
  assigned: boolean;
}

/**
 * Rules 1 and 7: a new device needs a seat, a usable license and a free activation;
 * re-activating an already active hardware id only refreshes it (`already_done`).
 */
export function canActivate(input: ActivationInput, now: Date): Decision {
  const { license, devices, hardwareId } = input;
  if (!input.assigned) return refuse('not_assigned');
  const refusal = licenseRefusal(license, now);
  if (refusal) return refuse(refusal);
  const active = devices.filter((d) => d.active);
  if (active.some((d) => d.hardwareId === hardwareId)) return alreadyDone();
  if (isAtLimit(active.length, license.maxActivations)) return refuse('activation_limit_reached');
  return apply(remaining(active.length + 1, license.maxActivations) === 0 ? ['near_activation_limit'] : []);
}
