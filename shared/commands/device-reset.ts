import { canResetDevice, queuedText, type DeviceActor } from '../domain';
import { text } from '../i18n';
import type { Device, License } from '../schemas';
import { detailValue as value } from './event-detail';
import { counterUsed, notFound, previewOf, type CommandPreview } from './preview';
import { SETS_NO_PASSWORD, type CommandModule } from './types';

const kind = 'device.reset';

/** Reset one device: one deactivation, counted against the license's (rules 2 and 3). */
export const deviceReset = {
  kind,
  label: (subject: string) => text('lists.changes.commands.device_reset', { subject }),
  eventKindText: () => text('activity.kinds.device_reset'),
  eventText(d, who, actor, license) {
    const owner = value(d, 'owner', actor);
    const used = value(d, 'deactivationCount');
    const counted =
      license.maxDeactivations === null
        ? text('activity.events.deactivationsUsedUnlimited', { used })
        : text('activity.events.deactivationsUsed', { used, max: license.maxDeactivations });
    const hostname = value(d, 'hostname');
    return owner === actor
      ? text('activity.events.deviceReset', { who, hostname, counted })
      : text('activity.events.deviceResetOf', { who, hostname, owner, counted });
  },
  previewTestId: 'reset-preview',
  namedByLicense: false,
  ...SETS_NO_PASSWORD,
  async basisNow(db, row) {
    const [device, license] = await Promise.all([db.devices.get(row.payload.deviceId), db.licenses.get(row.licenseId)]);
    return { deviceActive: device?.active ?? false, deactivationCount: license?.deactivationCount ?? 0 };
  },
  marks: (row) => ({ device: row.payload.deviceId }),
  devicesOff: (row) => ({ deviceId: row.payload.deviceId }),
  overlayUsers() {},
  overlayCounters(row, s) {
    const { deviceId } = row.payload;
    const device = s.devices.get(deviceId);
    const active = device ? device.active : (row.basis?.deviceActive ?? false);
    if (!active || s.reset.has(deviceId)) return;
    s.reset.add(deviceId);
    s.activations = Math.max(0, s.activations - 1);
    s.deactivationCount += 1;
  },

  /** What resetting this device would do, per the cache: e.g. "This uses your last deactivation". */
  preview(device: Device | undefined, license: License | undefined, actor: DeviceActor): CommandPreview {
    const decision = device && license ? canResetDevice(license, device, actor) : notFound();
    const hostname = device?.hostname ?? text('lists.preview.aDevice');
    return {
      ...previewOf(decision),
      kind,
      title: text('lists.preview.deviceTitle', { hostname }),
      effects: [text('lists.preview.deviceEffect', { hostname, owner: device?.userEmail ?? '—' })],
      costs: license ? [text('lists.preview.deviceCost', { counter: counterUsed(license.deactivations) })] : [],
      confirmText: text('lists.preview.deviceConfirm'),
      danger: true,
      queuedText: queuedText(text('lists.preview.deviceQueued', { hostname })),
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
