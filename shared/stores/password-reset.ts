import { defineStore } from 'pinia';
import { canResetPassword } from '../domain';
import type { Text } from '../i18n';
import { generateInitialPassword } from '../sync/password';
import { useLicensesStore } from './licenses';
import { described } from './command-text';
import { useOutboxStore } from './outbox';
import { resetPasswordText } from './preview-text';
import { useQueueCommand } from './queue-command';
import { useSessionStore } from './session';
import { actorFor, notFound, previewOf, refused, type CommandPreview } from './types';
import { useUsersStore } from './users';

export type ResetPasswordResult =
  { ok: true; opId: string; initialPassword: string } | { ok: false; code: string; message: Text };

/** A manager resets a seat holder's password (`user.reset_password`), online or offline. */
export const usePasswordResetStore = defineStore('password-reset', () => {
  const session = useSessionStore();
  const licenses = useLicensesStore();
  const users = useUsersStore();
  const outbox = useOutboxStore();
  const queueCommand = useQueueCommand();

  const emailOf = (licenseId: string, userId: string) => users.rowOf(licenseId, userId)?.email ?? userId;

  /**
   * Would it work? Managers only, never a manager's password, only a seat holder's. This device
   * knows the account's seat on this license only; the server also checks every other license
   * the account holds or manages.
   */
  function previewReset(licenseId: string, userId: string): CommandPreview {
    const license = licenses.byId(licenseId);
    const row = users.rowOf(licenseId, userId);
    const target = row ? { userId, seatLicenseIds: [licenseId], managesAny: row.isManager } : undefined;
    const decision = license
      ? canResetPassword(licenseId, target, actorFor(session.user, license), (id) => id === licenseId)
      : notFound();
    return { ...previewOf(decision), ...resetPasswordText(emailOf(licenseId, userId)) };
  }

  /** The users of this license whose password reset waits to be sent. */
  function pendingResetIds(licenseId: string): Set<string> {
    return new Set(
      outbox.pendingFor(licenseId).flatMap((c) => (c.kind === 'user.reset_password' ? [c.payload.userId] : [])),
    );
  }

  /** Queue the reset; the new initial password is made here, so the manager sees it at once, even offline. */
  async function resetPassword(licenseId: string, userId: string): Promise<ResetPasswordResult> {
    // A user whose assign is still queued has no account on the server yet: nothing to reset.
    if (userId.startsWith('pending:')) return refused('change_in_flight') as ResetPasswordResult;
    const initialPassword = generateInitialPassword();
    const queued = await queueCommand(
      () => previewReset(licenseId, userId),
      () => ({
        kind: 'user.reset_password',
        payload: { licenseId, userId, initialPassword },
        basis: { seatsUsed: licenses.byId(licenseId)!.seats.used },
        licenseId,
        ...described('user.reset_password', emailOf(licenseId, userId)),
      }),
    );
    return queued.ok ? { ...queued, initialPassword } : queued;
  }

  return { previewReset, pendingResetIds, resetPassword };
});
