import { refuse, type Decision } from './decision';
import { remaining } from './limits';
import type { Actor, AssignmentFacts, DeviceFacts, LicenseFacts } from './types';

/** What a license reset would do now. */
export interface LicenseResetPlan {
  deviceIds: string[];
  userIds: string[];
}

/** What the user saw when they asked for the reset. */
export interface LicenseResetBasis {
  activeDevices: number;
  /** Non-manager users the reset would unassign (managers keep their seat). */
  assignedUsers: number;
}

export type LicenseResetDecision =
  | { ok: true; kind: 'apply' | 'already_done'; plan: LicenseResetPlan; warnings: Array<'uses_last_deactivation'> }
  | { ok: false; code: Extract<Decision, { ok: false }>['code'] };

/**
 * Rule 6: deactivate every active device and remove every non-manager assignment. Every device
 * counts under rule 2, all or nothing: if the deactivations left cannot cover them all, nothing happens.
 */
export function planLicenseReset(
  license: LicenseFacts,
  devices: readonly DeviceFacts[],
  assignments: readonly AssignmentFacts[],
  actor: Actor,
): LicenseResetDecision {
  if (!actor.isManager) return refuse('not_license_manager') as LicenseResetDecision;
  const plan: LicenseResetPlan = {
    deviceIds: devices.filter((d) => d.active && d.licenseId === license.id).map((d) => d.id),
    userIds: assignments.filter((a) => !a.isManager).map((a) => a.userId),
  };
  if (plan.deviceIds.length === 0 && plan.userIds.length === 0)
    return { ok: true, kind: 'already_done', plan, warnings: [] };
  const left = remaining(license.deactivationCount, license.maxDeactivations);
  if (left !== null && plan.deviceIds.length > left) return { ok: false, code: 'deactivation_limit_reached' };
  const usesLast = left !== null && plan.deviceIds.length > 0 && plan.deviceIds.length === left;
  return { ok: true, kind: 'apply', plan, warnings: usesLast ? ['uses_last_deactivation'] : [] };
}

/**
 * A queued reset is a `conflict` when it would now do materially more than the user agreed to:
 * deactivate more devices (each costs a deactivation) or remove more users than they saw.
 */
export function exceedsBasis(plan: LicenseResetPlan, basis: LicenseResetBasis): boolean {
  return plan.deviceIds.length > basis.activeDevices || plan.userIds.length > basis.assignedUsers;
}
