import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiFailure } from '../api';
import { planLicenseReset } from '../domain';
import type { Device, License, LicenseUser, OutboxRow } from '../schemas';
import { fetchedAtKey } from '../schemas';
import { storeLicenses } from '../db';
import { overlayLicense } from '../sync/overlay';
import { described } from './command-text';
import { useDevicesStore } from './devices';
import { useLive, useLiveFor } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { usePortal } from './portal';
import { licenseResetText } from './preview-text';
import { useQueueCommand } from './queue-command';
import { useSessionStore } from './session';
import { trackLoad, type LoadSlot } from './track-load';
import { actorFor, notFound, previewOf, type LicenseResetPreview, type QueueResult } from './types';
import { useUsersStore } from './users';

interface Cached {
  licenses: License[];
  fetchedAt: string | null;
}

/**
 * The cached rows the counters' overlay needs, and only those: the devices pending resets name,
 * and the users of licenses with a pending seat change (a license may have 10,000 devices).
 */
function overlayNeeds(pending: readonly OutboxRow[]): { deviceIds: string[]; userLicenseIds: string[] } {
  const deviceIds = new Set<string>();
  const userLicenseIds = new Set<string>();
  for (const c of pending) {
    if (c.kind === 'device.reset') deviceIds.add(c.payload.deviceId);
    else userLicenseIds.add(c.licenseId);
  }
  return { deviceIds: [...deviceIds].sort(), userLicenseIds: [...userLicenseIds].sort() };
}

/** The licenses the caller may see, from the cache first, with pending commands applied. */
export const useLicensesStore = defineStore('licenses', () => {
  const { database, api, now, firstPaint } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const queueCommand = useQueueCommand();
  const live = useLive<Cached>(
    database,
    async (db) => {
      const [licenses, fetched] = await Promise.all([db.licenses.toArray(), db.meta.get(fetchedAtKey('licenses'))]);
      return { licenses, fetchedAt: typeof fetched?.value === 'string' ? fetched.value : null };
    },
    firstPaint?.licenses ?? { licenses: [], fetchedAt: null },
  );
  const pending = computed(() => outbox.effectiveRows(live.value.value.fetchedAt));
  // The counters of a license overlay its pending commands on ITS cached devices and users, read
  // by what the commands name. Until they are read, each command's basis (what the user saw) stands in.
  const overlayCache = useLiveFor(
    database,
    () => JSON.stringify(overlayNeeds(pending.value)),
    async (db, key) => {
      const { deviceIds, userLicenseIds } = JSON.parse(key) as ReturnType<typeof overlayNeeds>;
      const [devices, users] = await Promise.all([
        db.devices.bulkGet(deviceIds),
        userLicenseIds.length ? db.users.where('licenseId').anyOf(userLicenseIds).toArray() : [],
      ]);
      return { devices: devices.filter((d) => d !== undefined), users };
    },
    { devices: [] as Device[], users: [] as LicenseUser[] },
  );
  const status = ref<LoadStatus>('idle');
  const error = ref<ApiFailure | null>(null);
  /** The search has its own state: a failed search says so and leaves the list's status alone. */
  const searchStatus = ref<LoadStatus>('idle');
  const searchError = ref<ApiFailure | null>(null);
  const listSlot: LoadSlot = { setStatus: (s) => (status.value = s), setError: (e) => (error.value = e) };
  const searchSlot: LoadSlot = { setStatus: (s) => (searchStatus.value = s), setError: (e) => (searchError.value = e) };

  const fetchedAt = computed(() => live.value.value.fetchedAt);
  const licenses = computed<License[]>(() =>
    live.value.value.licenses
      .map((l) => overlayLicense(l, overlayCache.value.value, pending.value))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );

  function byId(id: string): License | undefined {
    return licenses.value.find((l) => l.id === id);
  }

  /** Render from the cache at once, then refresh; offline keeps the cache and says so. */
  async function load(): Promise<void> {
    await live.refresh();
    await trackLoad(
      { now, session },
      listSlot,
      () => api.licenses(),
      async (data, startedAt) => {
        await storeLicenses(await database(), data.licenses, startedAt);
        await live.refresh();
      },
    );
  }

  /** A manager finds the licenses a user holds (online only: the cache holds only our own). */
  async function search(email: string): Promise<License[]> {
    let found: License[] = [];
    // No fetchedAt here: search results are shown, never cached.
    await trackLoad(
      { now, session },
      searchSlot,
      () => api.licenses({ email }),
      (data) => void (found = data.licenses),
    );
    return found;
  }

  /** A manager imports the vendor's license file (online only); the list reloads with its terms. */
  async function uploadLicenseFile(file: string) {
    const result = await api.uploadLicenseFile({ file });
    if (result.ok) await load();
    return result;
  }

  /** What a license reset would do now, per the cache: the license's devices and users as their pages show them. */
  function previewLicenseReset(licenseId: string): LicenseResetPreview {
    const license = byId(licenseId);
    const assignments = useUsersStore()
      .usersFor(licenseId)
      .map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));
    const decision = license
      ? planLicenseReset(license, useDevicesStore().devicesFor(licenseId), assignments, actorFor(session.user, license))
      : notFound();
    const plan = decision.ok ? decision.plan : { deviceIds: [], userIds: [] };
    return { ...previewOf(decision), ...licenseResetText(license, decision), plan };
  }

  /**
   * The preview of a license reset on fresh counts: its devices and users are loaded first (offline,
   * the cache as it is), and the counters re-read from what those loads wrote.
   */
  async function prepareLicenseReset(licenseId: string): Promise<LicenseResetPreview> {
    await Promise.all([useDevicesStore().load(licenseId), useUsersStore().load(licenseId)]);
    await Promise.all([live.refresh(), overlayCache.refresh()]);
    return previewLicenseReset(licenseId);
  }

  /** Queue `license.reset` with what the user saw as its basis. */
  function resetLicense(licenseId: string): Promise<QueueResult> {
    return queueCommand(
      () => previewLicenseReset(licenseId),
      ({ plan }) => ({
        kind: 'license.reset',
        payload: { licenseId },
        basis: { activeDevices: plan.deviceIds.length, assignedUsers: plan.userIds.length },
        licenseId,
        ...described('license.reset', byId(licenseId)?.name ?? licenseId),
      }),
    );
  }

  return {
    cached: live.value,
    licenses,
    byId,
    status,
    error,
    fetchedAt,
    searchStatus,
    searchError,
    load,
    search,
    uploadLicenseFile,
    refresh: live.refresh,
    previewLicenseReset,
    prepareLicenseReset,
    resetLicense,
  };
});
