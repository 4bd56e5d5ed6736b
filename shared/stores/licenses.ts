import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ApiFailure } from '../api';
import { planLicenseReset } from '../domain';
import type { Device, License, LicenseUser } from '../schemas';
import { fetchedAtMap, storeLicenses } from '../db';
import { overlayDevices, overlayLicense, overlayUsers } from '../sync';
import { usePortal } from './portal';
import { useLive } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { trackLoad, type LoadSlot } from './track-load';
import { plural } from './preview-text';
import { actorFor, messagesOf, refused, type LicenseResetPreview, type QueueResult } from './types';

interface Cached {
  licenses: License[];
  devices: Device[];
  users: LicenseUser[];
  fetchedAt: string | null;
  fetched: Record<string, string>;
}

/** The licenses the caller may see, from the cache first, with pending commands applied. */
export const useLicensesStore = defineStore('licenses', () => {
  const { db, api, engine, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const cache = useLive<Cached>(
    async () => {
      const [licenses, devices, users, fetched] = await Promise.all([db.licenses.toArray(), db.devices.toArray(), db.users.toArray(), fetchedAtMap(db)]);
      return { licenses, devices, users, fetchedAt: fetched['licenses'] ?? null, fetched };
    },
    { licenses: [], devices: [], users: [], fetchedAt: null, fetched: {} },
  );
  const status = ref<LoadStatus>('idle');
  const error = ref<ApiFailure | null>(null);
  /** The search has its own state: a failed search says so and leaves the list's status alone. */
  const searchStatus = ref<LoadStatus>('idle');
  const searchError = ref<ApiFailure | null>(null);
  const listSlot: LoadSlot = { setStatus: (s) => (status.value = s), setError: (e) => (error.value = e) };
  const searchSlot: LoadSlot = { setStatus: (s) => (searchStatus.value = s), setError: (e) => (searchError.value = e) };

  const fetchedAt = computed(() => cache.value.value.fetchedAt);
  const licenses = computed<License[]>(() => {
    const { licenses: rows, devices, users, fetchedAt: at } = cache.value.value;
    const pending = outbox.effectiveRows(at);
    return rows.map((l) => overlayLicense(l, { devices, users }, pending)).sort((a, b) => a.name.localeCompare(b.name));
  });

  function byId(id: string): License | undefined {
    return licenses.value.find((l) => l.id === id);
  }

  /** Render from the cache at once, then refresh; offline keeps the cache and says so. */
  async function load(): Promise<void> {
    await cache.refresh();
    await trackLoad({ now, session }, listSlot, () => api.licenses(), async (data, startedAt) => {
      await storeLicenses(db, data.licenses, startedAt);
      await cache.refresh();
    });
  }

  /** A manager finds the licenses a user holds (online only: the cache holds only our own). */
  async function search(email: string): Promise<License[]> {
    let found: License[] = [];
    // No fetchedAt here: search results are shown, never cached.
    await trackLoad({ now, session }, searchSlot, () => api.licenses({ email }), (data) => void (found = data.licenses));
    return found;
  }

  /** What a license reset would do now, per the cache (load its devices and users first). */
  function previewLicenseReset(licenseId: string): LicenseResetPreview {
    const license = byId(licenseId);
    if (!license) {
      const decision = { ok: false as const, code: 'not_found' as const };
      return { decision, plan: { deviceIds: [], userIds: [] }, messages: messagesOf(decision), summary: '' };
    }
    const { devices, users, fetched } = cache.value.value;
    // Each cached list gets the commands its own fetch does not show yet.
    const liveDevices = overlayDevices(devices.filter((d) => d.licenseId === licenseId), outbox.effectiveRows(fetched[`devices:${licenseId}`] ?? null));
    const assignments = overlayUsers(users, licenseId, outbox.effectiveRows(fetched[`users:${licenseId}`] ?? null)).map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));
    const decision = planLicenseReset(license, liveDevices, assignments, actorFor(session.user, license));
    const plan = decision.ok ? decision.plan : { deviceIds: [], userIds: [] };
    const summary = `Deactivates ${plural(plan.deviceIds.length, 'device')} and removes ${plural(plan.userIds.length, 'user')}.`;
    return { decision, plan, messages: messagesOf(decision), summary };
  }

  /** Queue `license.reset` with what the user saw as its basis. */
  async function resetLicense(licenseId: string): Promise<QueueResult> {
    if (!session.signedIn) return refused('unauthorized');
    const preview = previewLicenseReset(licenseId);
    if (!preview.decision.ok) return refused(preview.decision.code);
    const row = await engine.enqueue({
      kind: 'license.reset',
      payload: { licenseId },
      basis: { activeDevices: preview.plan.deviceIds.length, assignedUsers: preview.plan.userIds.length },
      licenseId,
      label: `Reset license ${byId(licenseId)?.name ?? licenseId}`,
    });
    await outbox.reload();
    return { ok: true, opId: row.opId };
  }

  return { licenses, byId, status, error, fetchedAt, searchStatus, searchError, load, search, previewLicenseReset, resetLicense, refresh: cache.refresh };
});
