import { defineStore } from 'pinia';
import { actorFor, draftOf, isPendingId, pendingMarks, userResetPassword, type CommandPreview } from '../commands';
import type { Text } from '../i18n';
import { generateInitialPassword } from '../commands';
import { useLicensesStore } from './licenses';
import { useOutboxStore } from './outbox';
import { refused, useQueueCommand } from '../composables/queue-command';
import { useSessionStore } from './session';
import { useUsersStore } from './users';

export type ResetPasswordResult =
  { ok: true; opId: string; initialPassword: string } | { ok: false; code: string; message: Text };

/** A manager resets a seat holder's password (a password reset command), online or offline. */
export const usePasswordResetStore = defineStore('password-reset', () => {
  const session = useSessionStore();
  const licenses = useLicensesStore();
  const users = useUsersStore();
  const outbox = useOutboxStore();
  const queueCommand = useQueueCommand({ session, outbox });

  const emailOf = (licenseId: string, userId: string) => users.rowOf(licenseId, userId)?.email ?? userId;

  /** Would it work? (userResetPassword.preview says what this device can know.) */
  function previewReset(licenseId: string, userId: string): CommandPreview {
    const license = licenses.byId(licenseId);
    const row = users.rowOf(licenseId, userId);
    const actor = actorFor(session.user, license);
    return userResetPassword.preview(emailOf(licenseId, userId), license, row, userId, actor);
  }

  /** The users of this license whose password reset waits to be sent. */
  function pendingResetIds(licenseId: string): Set<string> {
    return pendingMarks(outbox.pendingFor(licenseId), 'password');
  }

  /** Queue the reset; the new initial password is made here, so the manager sees it at once, even offline. */
  async function resetPassword(licenseId: string, userId: string): Promise<ResetPasswordResult> {
    // A user whose assign is still queued has no account on the server yet: nothing to reset.
    if (isPendingId(userId)) return refused('change_in_flight') as ResetPasswordResult;
    const initialPassword = generateInitialPassword();
    const queued = await queueCommand(
      () => previewReset(licenseId, userId),
      () =>
        draftOf(userResetPassword, {
          payload: { licenseId, userId, initialPassword },
          basis: { seatsUsed: licenses.byId(licenseId)!.seats.used },
          licenseId,
          subject: emailOf(licenseId, userId),
        }),
    );
    return queued.ok ? { ...queued, initialPassword } : queued;
  }

  return { previewReset, pendingResetIds, resetPassword };
});
