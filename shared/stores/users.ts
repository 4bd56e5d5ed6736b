import { defineStore } from 'pinia';
import { reactive } from 'vue';
import type { ApiFailure } from '../api';
import { canAssignUser, canUnassignUser, normalizeEmail } from '../domain';
import type { LicenseUser } from '../schemas';
import { fetchedAtMap, storeUsers } from '../db';
import { generateInitialPassword, overlayUsers } from '../sync';
import { usePortal } from './portal';
import { useLicensesStore } from './licenses';
import { useLive } from './live';
import type { LoadStatus } from './loading';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { keyedSlot, trackLoad } from './track-load';
import { actorFor, messagesOf, notFound, refused, type Preview, type QueueResult } from './types';

export type AssignResult = { ok: true; opId: string; initialPassword: string | null } | { ok: false; code: string; message: string };

/** Users (seat assignments) per license, for managers; pending assigns and unassigns applied. */
export const useUsersStore = defineStore('users', () => {
  const { db, api, engine, now } = usePortal();
  const session = useSessionStore();
  const outbox = useOutboxStore();
  const cache = useLive(
    async () => {
      const [users, emails, fetched] = await Promise.all([db.users.toArray(), db.devices.orderBy('id').toArray(), fetchedAtMap(db)]);
      return { users, deviceEmails: emails.map((d) => d.userEmail), fetched };
    },
    { users: [] as LicenseUser[], deviceEmails: [] as string[], fetched: {} as Record<string, string> },
  );
  const statuses = reactive<Record<string, LoadStatus>>({});
  const errors = reactive<Record<string, ApiFailure | null>>({});

  const fetchedAtFor = (licenseId: string): string | null => cache.value.value.fetched[`users:${licenseId}`] ?? null;
  const statusFor = (licenseId: string): LoadStatus => statuses[licenseId] ?? 'idle';
  const errorFor = (licenseId: string): ApiFailure | null => errors[licenseId] ?? null;

  function usersFor(licenseId: string): LicenseUser[] {
    const pending = outbox.effectiveRows(fetchedAtFor(licenseId));
    return overlayUsers(cache.value.value.users, licenseId, pending).sort(
      (a, b) => Number(b.isManager) - Number(a.isManager) || a.email.localeCompare(b.email),
    );
  }

  /** Render from the cache at once, then refresh; offline keeps the cache and says so. */
  async function load(licenseId: string): Promise<void> {
    await cache.refresh();
    await trackLoad({ now, session }, keyedSlot(statuses, errors, licenseId), () => api.users(licenseId), async (data, startedAt) => {
      await storeUsers(db, licenseId, data.users, startedAt);
      await cache.refresh();
    });
  }

  const assignments = (licenseId: string) => usersFor(licenseId).map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));

  /** Would assigning this email work? ("Max license users number reached", "uses the last free seat"). */
  function previewAssign(licenseId: string, email: string): Preview {
    const license = useLicensesStore().byId(licenseId);
    if (!license) return notFound();
    const decision = canAssignUser(license, assignments(licenseId), email, actorFor(session.user, license));
    return { decision, messages: messagesOf(decision) };
  }

  function previewUnassign(licenseId: string, userId: string): Preview {
    const license = useLicensesStore().byId(licenseId);
    if (!license) return notFound();
    const decision = canUnassignUser(assignments(licenseId), userId, actorFor(session.user, license));
    return { decision, messages: messagesOf(decision) };
  }

  /** Any user this client has seen (a seat of any license, or a device's owner) has an account. */
  function isKnownEmail(email: string): boolean {
    const wanted = normalizeEmail(email);
    const { users, deviceEmails } = cache.value.value;
    return users.some((u) => normalizeEmail(u.email) === wanted) || deviceEmails.some((e) => normalizeEmail(e) === wanted);
  }

  /**
   * Queue `user.assign`. For an email this client does not know, the initial password is made
   * here, so the manager sees it at once (even offline); it travels in the command.
   */
  async function assign(input: { licenseId: string; email: string; firstName?: string; lastName?: string }): Promise<AssignResult> {
    if (!session.signedIn) return refused('unauthorized') as AssignResult;
    const preview = previewAssign(input.licenseId, input.email);
    if (!preview.decision.ok) return refused(preview.decision.code) as AssignResult;
    const initialPassword = isKnownEmail(input.email) ? null : generateInitialPassword();
    const license = useLicensesStore().byId(input.licenseId)!;
    const row = await engine.enqueue({
      kind: 'user.assign',
      payload: {
        licenseId: input.licenseId,
        email: input.email.trim(),
        ...(input.firstName ? { firstName: input.firstName } : {}),
        ...(input.lastName ? { lastName: input.lastName } : {}),
        ...(initialPassword ? { initialPassword } : {}),
      },
      basis: { seatsUsed: license.seats.used },
      licenseId: input.licenseId,
      label: `Assign ${input.email.trim()}`,
    });
    await outbox.reload();
    return { ok: true, opId: row.opId, initialPassword };
  }

  /** Queue `user.unassign`; a manager keeps their seat (refused before queueing). */
  async function unassign(licenseId: string, userId: string): Promise<QueueResult> {
    if (!session.signedIn) return refused('unauthorized');
    // A user shown from a queued assign has no server id yet: withdrawing the assign is the unassign.
    if (userId.startsWith('pending:')) {
      const opId = userId.slice('pending:'.length);
      const withdrawn = await engine.discard(opId);
      await outbox.reload();
      return withdrawn ? { ok: true, opId } : refused('change_in_flight');
    }
    const preview = previewUnassign(licenseId, userId);
    if (!preview.decision.ok) return refused(preview.decision.code);
    const user = usersFor(licenseId).find((u) => u.id === userId);
    const license = useLicensesStore().byId(licenseId)!;
    const row = await engine.enqueue({
      kind: 'user.unassign',
      payload: { licenseId, userId },
      basis: { seatsUsed: license.seats.used },
      licenseId,
      label: `Unassign ${user?.email ?? userId}`,
    });
    await outbox.reload();
    return { ok: true, opId: row.opId };
  }

  return { usersFor, statusFor, errorFor, fetchedAtFor, statuses, errors, load, previewAssign, previewUnassign, assign, unassign, isKnownEmail, refresh: cache.refresh };
});
