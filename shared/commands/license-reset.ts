import {
  planLicenseReset,
  queuedText,
  remaining,
  type Actor,
  type AssignmentFacts,
  type DeviceFacts,
  type LicenseResetDecision,
  type LicenseResetPlan,
} from '../domain';
import { normalizeEmail } from '../domain';
import { text, type Text } from '../i18n';
import type { Counter, License } from '../schemas';
import { notFound, previewOf, type CommandPreview } from './preview';
import { SETS_NO_PASSWORD, type CommandModule } from './types';

const kind = 'license.reset';

export interface LicenseResetPreview extends CommandPreview<LicenseResetDecision> {
  plan: LicenseResetPlan;
}

/** "Uses 3 of your 3 remaining deactivations." */
function deactivationsCost(devices: number, deactivations: Counter): Text {
  if (devices === 0) return text('lists.preview.licenseNoCost');
  const left = remaining(deactivations.used, deactivations.max);
  return left === null
    ? text('lists.preview.licenseCostUnlimited', { count: devices })
    : text('lists.preview.licenseCost', { devices, count: left });
}

/** Reset a license: every active device (each a deactivation) and every non-manager seat (rule 6). */
export const licenseReset = {
  kind,
  label: (subject: string) => text('lists.changes.commands.license_reset', { subject }),
  eventKindText: () => text('activity.kinds.license_reset'),
  eventText: (d, who) =>
    text('activity.events.licenseReset', {
      who,
      devices: text('activity.events.devices', { count: Number(d.devicesDeactivated ?? 0) }),
      users: text('activity.events.users', { count: Number(d.usersUnassigned ?? 0) }),
    }),
  previewTestId: 'reset-preview',
  namedByLicense: true,
  ...SETS_NO_PASSWORD,
  async basisNow(db, row) {
    const [devices, users] = await Promise.all([
      db.devices.where('licenseId').equals(row.licenseId).toArray(),
      db.users.where('licenseId').equals(row.licenseId).toArray(),
    ]);
    return {
      activeDevices: devices.filter((d) => d.active).length,
      assignedUsers: users.filter((u) => !u.isManager).length,
    };
  },
  marks: () => ({}),
  devicesOff: (row) => ({ licenseId: row.payload.licenseId }),
  overlayUsers(row, users) {
    if (row.payload.licenseId === users.licenseId) users.removeOthers();
  },
  overlayCounters(row, s) {
    s.deactivationCount += s.activations;
    s.activations = 0;
    const managers = s.users.filter((u) => u.isManager);
    s.seats = s.users.length > 0 ? managers.length : Math.max(0, s.seats - (row.basis?.assignedUsers ?? 0));
    s.assigned = new Set(managers.map((u) => normalizeEmail(u.email)));
  },

  /** What resetting the license would do, per the cache: its plan, and the words of the dialog. */
  preview(
    license: License | undefined,
    devices: readonly DeviceFacts[],
    assignments: readonly AssignmentFacts[],
    actor: Actor,
  ): LicenseResetPreview {
    const decision = license ? planLicenseReset(license, devices, assignments, actor) : notFound();
    const plan = decision.ok ? decision.plan : { deviceIds: [], userIds: [] };
    const allowed = decision.ok && license;
    return {
      ...previewOf(decision),
      kind,
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
      queuedText: queuedText(text('lists.preview.licenseQueued')),
      plan,
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
