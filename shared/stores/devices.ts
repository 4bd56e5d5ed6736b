import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { ApiFailure } from '../api';
import { canResetDevice } from '../domain';
import type { Device } from '../schemas';
import { fetchedAtMap, storeDevices } from '../db';
import { overlayDevices } from '../sync';
import { usePortal } from './portal';
import { useLicensesStore } from './licenses';
import { useLive } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { keyedSlot, trackLoad } from './track-load';
import { actorFor, messagesOf, notFound, refused, type Preview, type QueueResult } from './types';

/** Devices per license, from the cache first, with pending resets applied. */
export const useDevicesStore = defineStore('devices', () => {
  const { db, api, engine, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const cache = useLive(
    async () => {
      const [devices, fetched] = await Promise.all([db.devices.toArray(), fetchedAtMap(db)]);
      return { devices, fetched };
    },
    { devices: [] as Device[], fetched: {} as Record<string, string> },
  );
  const statuses = reactive<Record<string, LoadStatus>>({});
  const errors = reactive<Record<string, ApiFailure | null>>({});

  function fetchedAtFor(licenseId: string): string | null {
    return cache.value.value.fetched[`devices:${licenseId}`] ?? null;
  }
  function statusFor(licenseId: string): LoadStatus {
    return statuses[licenseId] ?? 'idle';
  }
  function errorFor(licenseId: string): ApiFailure | null {
    return errors[licenseId] ?? null;
  }
  function devicesFor(licenseId: string): Device[] {
    const rows = cache.value.value.devices.filter((d) => d.licenseId === licenseId);
    const pending = outbox.effectiveRows(fetchedAtFor(licenseId));
    return overlayDevices(rows, pending).sort((a, b) => Number(b.active) - Number(a.active) || a.hostname.localeCompare(b.hostname));
  }

  /** Render from the cache at once, then refresh; offline keeps the cache and says so. */
  async function load(licenseId: string): Promise<void> {
    await cache.refresh();
    await trackLoad({ now, session }, keyedSlot(statuses, errors, licenseId), () => api.devices(licenseId), async (data, startedAt) => {
      await storeDevices(db, licenseId, data.devices, startedAt);
      await cache.refresh();
    });
  }

  function find(deviceId: string): Device | undefined {
    const raw = cache.value.value.devices.find((d) => d.id === deviceId);
    return raw ? devicesFor(raw.licenseId).find((d) => d.id === deviceId) : undefined;
  }

  /** What resetting this device would do, per the cache: e.g. "This uses your last deactivation". */
  function previewReset(deviceId: string): Preview {
    const device = find(deviceId);
    const license = device ? useLicensesStore().byId(device.licenseId) : undefined;
    if (!device || !license) return notFound();
    const decision = canResetDevice(license, device, actorFor(session.user, license));
    return { decision, messages: messagesOf(decision) };
  }

  /** Queue `device.reset` with what the user saw (active, deactivations used) as its basis. */
  async function resetDevice(deviceId: string): Promise<QueueResult> {
    if (!session.signedIn) return refused('unauthorized');
    const preview = previewReset(deviceId);
    if (!preview.decision.ok) return refused(preview.decision.code);
    const device = find(deviceId)!; // previewReset found it
    const license = useLicensesStore().byId(device.licenseId)!;
    const row = await engine.enqueue({
      kind: 'device.reset',
      payload: { deviceId },
      basis: { deviceActive: device.active, deactivationCount: license.deactivationCount },
      licenseId: device.licenseId,
      label: `Reset device ${device.hostname}`,
    });
    await outbox.reload();
    return { ok: true, opId: row.opId };
  }

  return { devicesFor, statusFor, errorFor, fetchedAtFor, statuses, errors, load, previewReset, resetDevice, refresh: cache.refresh };
});
