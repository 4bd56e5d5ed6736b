import { apply, alreadyDone, refuse, type Decision } from './decision';
import { isAtLimit, remaining } from './limits';
import type { LicenseFacts } from './types';
import { licenseRefusal } from './validity';

export interface ActivationInput {
  license: LicenseFacts;
  /** How many devices of the license are active now. */
  activeDevices: number;
  /** This machine (hardware id) is already active on the license. */
  hardwareActive: boolean;
  /** The activating user holds a seat of the license. */
  assigned: boolean;
}

/**
 * Rules 1 and 7: a new device needs a seat, a usable license and a free activation;
 * re-activating an already active hardware id only refreshes it (`already_done`).
 */
export function canActivate(input: ActivationInput, now: Date): Decision {
  const { license, activeDevices } = input;
  if (!input.assigned) return refuse('not_assigned');
  const refusal = licenseRefusal(license, now);
  if (refusal) return refuse(refusal);
  if (input.hardwareActive) return alreadyDone();
  if (isAtLimit(activeDevices, license.maxActivations)) return refuse('activation_limit_reached');
  return apply(remaining(activeDevices + 1, license.maxActivations) === 0 ? ['near_activation_limit'] : []);
}
