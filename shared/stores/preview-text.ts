import { queuedMessage, remaining, type Decision, type LicenseResetDecision } from '../domain';
import { text, type Text } from '../i18n';
import type { Counter, Device, License } from '../schemas';
import type { CommandText } from './types';

// The words of the confirmation dialogs, as Texts: what each command does and costs. Refusals and
// warnings come from shared/domain/messages.ts (see messagesOf).

/** "3 of 5" or "3 (unlimited)": how much of a limit is used. */
const counterUsed = (c: Counter): Text =>
  c.max === null
    ? text('lists.preview.counterUnlimited', { used: c.used })
    : text('ui.counter', { used: c.used, max: c.max });

/** Reset one device: one deactivation, counted against the license's. */
export function deviceResetText(device: Device | undefined, license: License | undefined): CommandText {
  const hostname = device?.hostname ?? text('lists.preview.aDevice');
  return {
    kind: 'device.reset',
    title: text('lists.preview.deviceTitle', { hostname }),
    effects: [text('lists.preview.deviceEffect')],
    costs: license ? [text('lists.preview.deviceCost', { counter: counterUsed(license.deactivations) })] : [],
    confirmText: text('lists.preview.deviceConfirm'),
    danger: true,
    queuedText: queuedMessage(text('lists.preview.deviceQueued', { hostname })),
  };
}

/** Reset a license: every active device (each a deactivation) and every non-manager seat. */
export function licenseResetText(license: License | undefined, decision: LicenseResetDecision): CommandText {
  const allowed = decision.ok && license;
  return {
    kind: 'license.reset',
    title: text('lists.preview.licenseTitle'),
    effects: allowed
      ? [
          text('lists.preview.licenseEffect', {
            devices: text('activity.events.devices', { count: decision.plan.deviceIds.length }),
            users: text('activity.events.users', { count: decision.plan.userIds.length }),
          }),
        ]
      : [],
    costs: allowed ? [deactivationsCost(decision.plan.deviceIds.length, license.deactivations)] : [],
    confirmText: text('lists.preview.licenseConfirm'),
    danger: true,
    queuedText: queuedMessage(text('lists.preview.licenseQueued')),
  };
}

/** "Uses 3 of your 3 remaining deactivations." */
function deactivationsCost(devices: number, deactivations: Counter): Text {
  if (devices === 0) return text('lists.preview.licenseNoCost');
  const left = remaining(deactivations.used, deactivations.max);
  return left === null
    ? text('lists.preview.licenseCostUnlimited', { count: devices })
    : text('lists.preview.licenseCost', { devices, count: left });
}

/** Assign a seat; an email nobody here knows gets an account with an initial password. */
export function assignText(
  email: string,
  license: License | undefined,
  decision: Decision,
  knownEmail: boolean,
): CommandText {
  const seats = license?.seats.max != null ? { used: license.seats.used + 1, max: license.seats.max } : null;
  const effects: Text[] = !decision.ok
    ? []
    : decision.kind === 'already_done'
      ? [text('lists.preview.assignAlready', { email })]
      : [
          seats
            ? text('lists.preview.assignGivesSeats', { email, ...seats })
            : text('lists.preview.assignGives', { email }),
        ];
  if (decision.ok && !knownEmail) effects.push(text('lists.preview.assignNewAccount'));
  return {
    kind: 'user.assign',
    title: text('lists.preview.assignTitle', { email }),
    effects,
    costs: [],
    confirmText: text('lists.preview.assignConfirm'),
    danger: false,
    queuedText: queuedMessage(text('lists.preview.assignQueued', { email })),
  };
}

/** Take a user's seat back. */
export function unassignText(email: string): CommandText {
  return {
    kind: 'user.unassign',
    title: text('lists.preview.unassignTitle', { email }),
    effects: [text('lists.preview.unassignEffect')],
    costs: [],
    confirmText: text('lists.preview.unassignConfirm'),
    danger: true,
    queuedText: queuedMessage(text('lists.preview.unassignQueued', { email })),
  };
}

/** Give a seat holder a new initial password: their sessions end, they choose their own at the next sign-in. */
export function resetPasswordText(email: string): CommandText {
  return {
    kind: 'user.reset_password',
    title: text('lists.preview.passwordTitle', { email }),
    effects: [text('lists.preview.passwordEffect'), text('lists.preview.passwordSignOut')],
    costs: [],
    confirmText: text('lists.preview.passwordConfirm'),
    danger: true,
    queuedText: queuedMessage(text('lists.preview.passwordQueued', { email })),
  };
}
