import { defineStore } from 'pinia';
import { mapData } from '../api';
import {
  actorFor,
  draftOf,
  isPendingId,
  opIdOfPending,
  pendingMarks,
  userAssign,
  userUnassign,
  type CommandPreview,
} from '../commands';
import { normalizeEmail } from '../domain';
import type { Device, LicenseUser } from '../schemas';
import type { Text } from '../i18n';
import { devicesOfUser, ownsADevice, storeUsers } from '../db';
import { overlayDevices, overlayUsers } from '../sync/overlay';
import { generateInitialPassword } from '../commands';
import { compareHostnames, useDevicesStore } from './devices';
import { useLicensesStore } from './licenses';
import { useOutboxStore } from './outbox';
import { usePerLicenseCache, type PerLicenseSource } from '../composables/per-license';
import { usePortal } from '../composables/portal';
import { refused, useQueueCommand, type QueueResult } from '../composables/queue-command';
import { useSessionStore } from './session';

export type AssignResult =
  { ok: true; opId: string; initialPassword: string | null } | { ok: false; code: string; message: Text };

/** Where a license's users come from, how pending assigns and unassigns change them, and their order. */
const USER_ROWS: PerLicenseSource<LicenseUser> = {
  what: 'users',
  read: (db, licenseId) => db.users.where('licenseId').equals(licenseId).toArray(),
  fetch: (api, licenseId, since) =>
    mapData(api.users(licenseId, since), ({ users, ...pulled }) => ({ rows: users, ...pulled })),
  store: storeUsers,
  overlay: overlayUsers,
  order: (a, b) => Number(b.isManager) - Number(a.isManager) || a.email.localeCompare(b.email),
};

/** Users (seat assignments) per license, for managers; pending assigns and unassigns applied. */
export const useUsersStore = defineStore('users', () => {
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const licenses = useLicensesStore();
  const devices = useDevicesStore();
  const queueCommand = useQueueCommand({ session, outbox });
  const { database } = usePortal();
  const { rowsFor: usersFor, ...cache } = usePerLicenseCache(USER_ROWS, { session, outbox });

  const assignments = (licenseId: string) =>
    usersFor(licenseId).map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));

  /** The users of this license with a change waiting to be sent: unassigns by user id, assigns by email. */
  function pendingUserKeys(licenseId: string): Set<string> {
    return pendingMarks(outbox.pendingFor(licenseId), 'user');
  }

  /** Would assigning this email work? ("Max license users number reached", "uses the last free seat"). */
  async function previewAssign(licenseId: string, email: string): Promise<CommandPreview> {
    return decideAssign(licenseId, email, await isKnownEmail(email));
  }
  function decideAssign(licenseId: string, email: string, knownEmail: boolean): CommandPreview {
    const license = licenses.byId(licenseId);
    const actor = actorFor(session.user, license);
    return userAssign.preview(email, license, assignments(licenseId), actor, knownEmail);
  }

  function previewUnassign(licenseId: string, userId: string): CommandPreview {
    const license = licenses.byId(licenseId);
    const actor = actorFor(session.user, license);
    return userUnassign.preview(emailOf(licenseId, userId), license, assignments(licenseId), userId, actor);
  }

  const emailOf = (licenseId: string, userId: string) => cache.rowOf(licenseId, userId)?.email ?? userId;

  const load = (licenseId: string, options: { full?: boolean } = {}): Promise<void> => cache.load(licenseId, options);

  /**
   * Any user this client has seen (a seat of a license shown, or the owner of a device it has
   * cached) has an account. Devices are asked by index: a license may have 100,000 of them.
   */
  async function isKnownEmail(email: string): Promise<boolean> {
    const wanted = normalizeEmail(email);
    if (cache.followedIds().some((id) => cache.cachedFor(id).some((u) => normalizeEmail(u.email) === wanted)))
      return true;
    return ownsADevice(await database(), wanted);
  }

  /**
   * Queue an assign. For an email this client does not know, the initial password is made
   * here, so the manager sees it at once (even offline); it travels in the command.
   */
  async function assign(input: {
    licenseId: string;
    email: string;
    firstName?: string;
    lastName?: string;
  }): Promise<AssignResult> {
    let initialPassword: string | null = null;
    const known = await isKnownEmail(input.email);
    const queued = await queueCommand(
      () => decideAssign(input.licenseId, input.email, known),
      () => {
        initialPassword = known ? null : generateInitialPassword();
        return draftOf(userAssign, {
          payload: {
            licenseId: input.licenseId,
            email: input.email.trim(),
            ...(input.firstName ? { firstName: input.firstName } : {}),
            ...(input.lastName ? { lastName: input.lastName } : {}),
            ...(initialPassword ? { initialPassword } : {}),
          },
          basis: { seatsUsed: licenses.byId(input.licenseId)!.seats.used },
          licenseId: input.licenseId,
          subject: input.email.trim(),
        });
      },
    );
    return queued.ok ? { ...queued, initialPassword } : queued;
  }

  /** Queue an unassign; a manager keeps their seat (refused before queueing). */
  async function unassign(licenseId: string, userId: string): Promise<QueueResult> {
    if (!session.signedIn) return refused('unauthorized');
    // A user shown from a queued assign has no server id yet: withdrawing the assign is the unassign.
    if (isPendingId(userId)) {
      const opId = opIdOfPending(userId);
      return (await outbox.discard(opId)) ? { ok: true, opId } : refused('change_in_flight');
    }
    return queueCommand(
      () => previewUnassign(licenseId, userId),
      () =>
        draftOf(userUnassign, {
          payload: { licenseId, userId },
          basis: { seatsUsed: licenses.byId(licenseId)!.seats.used },
          licenseId,
          subject: emailOf(licenseId, userId),
        }),
    );
  }

  /**
   * The active devices of a user of this license, as this device knows them (a reset waiting
   * already counts; read by index): null when the license's devices were never loaded here.
   */
  async function activeDevicesOf(licenseId: string, user: { id: string; email: string }): Promise<Device[] | null> {
    const fetchedAt = devices.fetchedAtFor(licenseId);
    if (fetchedAt === null) return null;
    const rows = await devicesOfUser(await database(), licenseId, user);
    return overlayDevices(rows, outbox.effectiveRows(fetchedAt))
      .filter((d) => d.active)
      .sort(compareHostnames);
  }

  /**
   * Unassign a user and, in the same step, reset their active devices first (each a deactivation,
   * each refused like a reset on the Devices page): what the user could no longer do once unassigned.
   */
  async function unassignWithDevices(licenseId: string, userId: string, deviceIds: string[]): Promise<QueueResult> {
    const opIds: string[] = [];
    for (const deviceId of deviceIds) {
      const reset = await devices.resetDevice(deviceId);
      if (!reset.ok) return reset;
      opIds.push(reset.opId);
    }
    const unassigned = await unassign(licenseId, userId);
    return unassigned.ok ? { ...unassigned, opIds: [...opIds, unassigned.opId] } : unassigned;
  }

  return {
    ...cache,
    load,
    activeDevicesOf,
    unassignWithDevices,
    usersFor,
    pendingUserKeys,
    previewAssign,
    previewUnassign,
    assign,
    unassign,
    isKnownEmail,
  };
});
