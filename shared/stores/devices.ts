import { defineStore } from 'pinia';
import { mapData } from '../api';
import { actorFor, deviceReset, draftOf, pendingMarks, type CommandPreview } from '../commands';
import { canTouchDevice } from '../domain';
import type { Device } from '../schemas';
import { countDevices, devicesInOrder, firstDeviceRows, storeArrivedDevices, storeDevices } from '../db';
import { overlayDevices } from '../sync/overlay';
import { useLicensesStore } from './licenses';
import { useOutboxStore } from './outbox';
import { usePerLicenseCache, type PerLicenseSource } from '../composables/per-license';
import { useQueueCommand, type QueueResult } from '../composables/queue-command';
import { useSessionStore } from './session';

/** Hostnames as the cache's index orders them (by character code), so its first screen and the whole list agree. */
export const compareHostnames = (a: Device, b: Device): number =>
  a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0;

/** A screen's worth of rows and then some, shown while a long list is read. */
export const DEVICES_FIRST_SCREEN = 60;

/** Where a license's devices come from, how pending resets change them, and in what order a page lists them. */
export const DEVICE_ROWS: PerLicenseSource<Device> = {
  what: 'devices',
  read: devicesInOrder,
  head: (db, licenseId) => firstDeviceRows(db, licenseId, DEVICES_FIRST_SCREEN),
  fromFirstPaint: (first, licenseId) => (first.devices?.licenseId === licenseId ? first.devices.rows : null),
  count: countDevices,
  fetch: (api, licenseId, since) =>
    mapData(api.devices(licenseId, since), ({ devices, ...pulled }) => ({ rows: devices, ...pulled })),
  stream: (api, licenseId, onRows) => api.devicesStream(licenseId, onRows),
  storeArrived: storeArrivedDevices,
  store: storeDevices,
  overlay: (rows, _licenseId, pending) => overlayDevices(rows, pending),
  order: (a, b) => Number(b.active) - Number(a.active) || compareHostnames(a, b),
};

/** Devices per license, from the cache first, with pending resets applied. */
export const useDevicesStore = defineStore('devices', () => {
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const licenses = useLicensesStore();
  const queueCommand = useQueueCommand({ session, outbox });
  const { rowsFor: devicesFor, ...cache } = usePerLicenseCache(DEVICE_ROWS, { session, outbox });

  /** A device of a license whose devices are shown (followed), as they show it. */
  function find(deviceId: string): Device | undefined {
    for (const licenseId of cache.followedIds()) {
      const device = cache.rowOf(licenseId, deviceId);
      if (device) return device;
    }
    return undefined;
  }

  /** The devices of this license with a reset waiting to be sent. */
  function pendingDeviceIds(licenseId: string): Set<string> {
    return pendingMarks(outbox.pendingFor(licenseId), 'device');
  }

  /**
   * The caller on a device's license. A cached license is one they see: they hold a seat of it or
   * manage it, so seeing it stands for holding a seat (a manager needs none).
   */
  function deviceActor(license: ReturnType<typeof licenses.byId>) {
    return { ...actorFor(session.user, license), holdsSeat: license !== undefined };
  }

  /** Rule 3: the signed-in user may reset their own devices; a manager of its license, any of them. */
  function canTouch(device: Device): boolean {
    return canTouchDevice(device, deviceActor(licenses.byId(device.licenseId)));
  }

  /**
   * What resetting this device would do, per the cache: e.g. "This uses your last deactivation".
   * `shown`: the device as the page shows it (a page that shows a screen at a time has it, and
   * the store need not read the whole list to find it).
   */
  function previewReset(deviceId: string, shown?: Device): CommandPreview {
    const device = shown?.id === deviceId ? shown : find(deviceId);
    const license = device ? licenses.byId(device.licenseId) : undefined;
    return deviceReset.preview(device, license, deviceActor(license));
  }

  /** Queue a device reset with what the user saw (active, deactivations used) as its basis. */
  function resetDevice(deviceId: string, shown?: Device): Promise<QueueResult> {
    return queueCommand(
      () => previewReset(deviceId, shown),
      () => {
        const device = shown?.id === deviceId ? shown : find(deviceId)!; // the preview found it
        return draftOf(deviceReset, {
          payload: { deviceId },
          basis: { deviceActive: device.active, deactivationCount: licenses.byId(device.licenseId)!.deactivationCount },
          licenseId: device.licenseId,
          subject: device.hostname,
        });
      },
    );
  }

  return { ...cache, devicesFor, pendingDeviceIds, canTouch, previewReset, resetDevice };
});
