import { defineStore } from 'pinia';
import { actorFor, draftOf, licenseReset, type LicenseResetPreview } from '../commands';
import { useDevicesStore } from './devices';
import { useLicensesStore } from './licenses';
import { useQueueCommand, type QueueResult } from '../composables/queue-command';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { useUsersStore } from './users';

/** A manager resets a whole license: every active device off, every non-manager seat freed. */
export const useLicenseResetStore = defineStore('license-reset', () => {
  const session = useSessionStore();
  const licenses = useLicensesStore();
  const devices = useDevicesStore();
  const users = useUsersStore();
  const queueCommand = useQueueCommand({ session, outbox: useOutboxStore() });

  /** What a license reset would do now, per the cache: the license's devices and users as their pages show them. */
  function previewLicenseReset(licenseId: string): LicenseResetPreview {
    const license = licenses.byId(licenseId);
    const assignments = users
      .usersFor(licenseId)
      .map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));
    return licenseReset.preview(license, devices.devicesFor(licenseId), assignments, actorFor(session.user, license));
  }

  /**
   * The preview of a license reset on fresh counts: its devices and users are loaded first (offline,
   * the cache as it is), and the counters re-read from what those loads wrote.
   */
  async function prepareLicenseReset(licenseId: string): Promise<LicenseResetPreview> {
    await Promise.all([devices.load(licenseId), users.load(licenseId)]);
    await licenses.refreshCounters();
    return previewLicenseReset(licenseId);
  }

  /** Queue a license reset with what the user saw as its basis. */
  function resetLicense(licenseId: string): Promise<QueueResult> {
    return queueCommand(
      () => previewLicenseReset(licenseId),
      ({ plan }) =>
        draftOf(licenseReset, {
          payload: { licenseId },
          basis: { activeDevices: plan.deviceIds.length, assignedUsers: plan.userIds.length },
          licenseId,
          subject: licenses.byId(licenseId)?.name ?? licenseId,
        }),
    );
  }

  return { previewLicenseReset, prepareLicenseReset, resetLicense };
});
