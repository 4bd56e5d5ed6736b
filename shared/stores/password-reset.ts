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

  /** Would it work? Managers only, never another manager's password, only a seat holder's. */
  function previewReset(licenseId: string, userId: string): CommandPreview {
    const license = licenses.byId(licenseId);
    const seats = users.usersFor(licenseId).map((u) => ({ userId: u.id, email: u.email, isManager: u.isManager }));
    const decision = license ? canResetPassword(seats, userId, actorFor(session.user, license)) : notFound();
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
