import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { trackLoad, type ApiFailure, type LoadSlot, type LoadStatus } from '../api';
import { marksOf } from '../commands';
import type { Device, License, LicenseUser, OutboxRow } from '../schemas';
import { fetchedAtKey } from '../schemas';
import { storeLicenses } from '../db';
import { overlayLicense } from '../sync/overlay';
import { useLive, useLiveFor } from '../composables/live';
import { useOutboxStore } from './outbox';
import { usePortal } from '../composables/portal';
import { useSessionStore } from './session';

/** Per counter, the signed change that waiting commands make to it. */
export type PendingPart = Record<'activations' | 'deactivations' | 'seats', number>;

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
    const { device } = marksOf(c);
    if (device !== undefined) deviceIds.add(device);
    else userLicenseIds.add(c.licenseId);
  }
  return { deviceIds: [...deviceIds].sort(), userLicenseIds: [...userLicenseIds].sort() };
}

/** The licenses the caller may see, from the cache first, with pending commands applied. */
export const useLicensesStore = defineStore('licenses', () => {
  const { database, api, now, firstPaint } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
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

  /**
   * How much of each counter of a license is the effect of changes still waiting to be sent
   * (activations -1 for a waiting reset, seats +1 for a waiting assign): the gauges mark that part.
   */
  function pendingPartOf(id: string): PendingPart {
    const raw = live.value.value.licenses.find((l) => l.id === id);
    const shown = byId(id);
    if (!raw || !shown) return { activations: 0, deactivations: 0, seats: 0 };
    const waiting = new Set(outbox.pendingFor(id).map((c) => c.opId));
    const settled = pending.value.filter((r) => !waiting.has(r.opId));
    const without = overlayLicense(raw, overlayCache.value.value, settled);
    return {
      activations: shown.activations.used - without.activations.used,
      deactivations: shown.deactivations.used - without.deactivations.used,
      seats: shown.seats.used - without.seats.used,
    };
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

  /** Reads the licenses and the rows their counters' overlay needs again (after their devices and users loaded). */
  async function refreshCounters(): Promise<void> {
    await Promise.all([live.refresh(), overlayCache.refresh()]);
  }

  return {
    cached: live.value,
    licenses,
    byId,
    pendingPartOf,
    status,
    error,
    fetchedAt,
    searchStatus,
    searchError,
    load,
    search,
    uploadLicenseFile,
    refresh: live.refresh,
    refreshCounters,
  };
});
