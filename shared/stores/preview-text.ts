import { queuedNotice, remaining, type Decision, type LicenseResetDecision } from '../domain';
import type { Counter, Device, License } from '../schemas';
import type { CommandText } from './types';

// The words of the confirmation dialogs: what each command does and costs. Refusals and warnings
// come from shared/domain/messages.ts (see messagesOf). plural and counterText live here because the
// stores need them and may not import shared/ui, which offers them to the components.

/** "1 device", "3 devices"; `many` for the irregular ("1 change waits", "2 changes wait"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 of 5" or "3 (unlimited)". */
export function counterText(c: Counter): string {
  return c.max === null ? `${c.used} (unlimited)` : `${c.used} of ${c.max}`;
}

/** Reset one device: one deactivation, counted against the license's. */
export function deviceResetText(device: Device | undefined, license: License | undefined): CommandText {
  return {
    kind: 'device.reset',
    title: `Reset ${device?.hostname ?? 'device'}?`,
    effects: ['Deactivates this device; its user can activate another one.'],
    costs: license ? [`Uses 1 deactivation: ${counterText(license.deactivations)} used so far.`] : [],
    confirmText: 'Reset device',
    danger: true,
    queuedText: queuedNotice(`Reset of ${device?.hostname ?? 'device'}`),
  };
}

/** Reset a license: every active device (each a deactivation) and every non-manager seat. */
export function licenseResetText(license: License | undefined, decision: LicenseResetDecision): CommandText {
  const allowed = decision.ok && license;
  return {
    kind: 'license.reset',
    title: 'Reset this license?',
    effects: allowed
      ? [
          `Deactivates ${plural(decision.plan.deviceIds.length, 'device')} and removes ${plural(decision.plan.userIds.length, 'user')}.`,
        ]
      : [],
    costs: allowed ? [deactivationsCost(decision.plan.deviceIds.length, license.deactivations)] : [],
    confirmText: 'Reset license',
    danger: true,
    queuedText: queuedNotice('License reset'),
  };
}

/** "Uses 3 of your 3 remaining deactivations." */
function deactivationsCost(devices: number, deactivations: Counter): string {
  if (devices === 0) return 'Costs no deactivation: no device is active.';
  const left = remaining(deactivations.used, deactivations.max);
  return left === null
    ? `Uses ${plural(devices, 'deactivation')} (unlimited).`
    : `Uses ${devices} of your ${plural(left, 'remaining deactivation')}.`;
}

/** Assign a seat; an email nobody here knows gets an account with an initial password. */
export function assignText(
  email: string,
  license: License | undefined,
  decision: Decision,
  knownEmail: boolean,
): CommandText {
  const seats = license ? `: ${license.seats.used + 1} of ${license.seats.max} seats used after it` : '';
  const effects = !decision.ok
    ? []
    : decision.kind === 'already_done'
      ? [`${email} already holds a seat: nothing changes.`]
      : [`Gives ${email} a seat${seats}.`];
  if (decision.ok && !knownEmail)
    effects.push(
      'No account with this email is known here: one is created, with an initial password shown to you once.',
    );
  return {
    kind: 'user.assign',
    title: `Assign ${email}?`,
    effects,
    costs: [],
    confirmText: 'Assign',
    danger: false,
    queuedText: queuedNotice(`Assignment of ${email}`),
  };
}

/** Take a user's seat back. */
export function unassignText(email: string): CommandText {
  return {
    kind: 'user.unassign',
    title: `Unassign ${email}?`,
    effects: ['They lose their seat of this license and can no longer activate it.'],
    costs: [],
    confirmText: 'Unassign',
    danger: true,
    queuedText: queuedNotice(`Unassignment of ${email}`),
  };
}

/** Give a seat holder a new initial password: their sessions end, they choose their own at the next sign-in. */
export function resetPasswordText(email: string): CommandText {
  return {
    kind: 'user.reset_password',
    title: `Reset the password of ${email}?`,
    effects: [
      'They get a new initial password, shown to you once when you confirm: pass it on.',
      'They are signed out everywhere, and choose their own password at their next sign-in.',
    ],
    costs: [],
    confirmText: 'Reset password',
    danger: true,
    queuedText: queuedNotice(`Password reset of ${email}`),
  };
}
