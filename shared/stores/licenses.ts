import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiFailure } from '../api';
import { planLicenseReset } from '../domain';
import type { Device, License, LicenseUser } from '../schemas';
import { fetchedAtMap, storeLicenses } from '../db';
import { overlayLicense } from '../sync';
import { useDevicesStore } from './devices';
import { useLive } from './live';
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
  devices: Device[];
  users: LicenseUser[];
  fetchedAt: string | null;
}

/** The licenses the caller may see, from the cache first, with pending commands applied. */
export const useLicensesStore = defineStore('licenses', () => {
  const { db, api, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const queueCommand = useQueueCommand();
  // The counters of a license overlay its pending commands on ITS cached devices and users: one
  // query reads the three together, so they never disagree with each other.
  const live = useLive<Cached>(
    async () => {
      const [licenses, devices, users, fetched] = await Promise.all([
        db.licenses.toArray(),
        db.devices.toArray(),
        db.users.toArray(),
        fetchedAtMap(db),
      ]);
      return { licenses, devices, users, fetchedAt: fetched['licenses'] ?? null };
    },
    { licenses: [], devices: [], users: [], fetchedAt: null },
  );
  const status = ref<LoadStatus>('idle');
  const error = ref<ApiFailure | null>(null);
  /** The search has its own state: a failed search says so and leaves the list's status alone. */
  const searchStatus = ref<LoadStatus>('idle');
  const searchError = ref<ApiFailure | null>(null);
  const listSlot: LoadSlot = { setStatus: (s) => (status.value = s), setError: (e) => (error.value = e) };
  const searchSlot: LoadSlot = { setStatus: (s) => (searchStatus.value = s), setError: (e) => (searchError.value = e) };

  const fetchedAt = computed(() => live.value.value.fetchedAt);
  const licenses = computed<License[]>(() => {
    const { licenses: rows, devices, users, fetchedAt: at } = live.value.value;
    const pending = outbox.effectiveRows(at);
    return rows.map((l) => overlayLicense(l, { devices, users }, pending)).sort((a, b) => a.name.localeCompare(b.name));
  });

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
        await storeLicenses(db, data.licenses, startedAt);
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
    await live.refresh();
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
        label: `Reset license ${byId(licenseId)?.name ?? licenseId}`,
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
    refresh: live.refresh,
    previewLicenseReset,
    prepareLicenseReset,
    resetLicense,
  };
});
