import { canResetPassword, queuedText, type Actor } from '../domain';
import { text } from '../i18n';
import type { License, LicenseUser } from '../schemas';
import { detailValue as value } from './event-detail';
import { notFound, previewOf, type CommandPreview } from './preview';
import { seatsBasis } from './seats';
import type { CommandModule } from './types';

const kind = 'user.reset_password';

/** Give a seat holder a new initial password: their sessions end, they choose their own at the next sign-in. */
export const userResetPassword = {
  kind,
  label: (subject: string) => text('lists.changes.commands.user_reset_password', { subject }),
  eventKindText: () => text('activity.kinds.user_reset_password'),
  eventText: (d, who) => text('activity.events.userResetPassword', { who, email: value(d, 'email') }),
  previewTestId: 'reset-password-preview',
  namedByLicense: false,
  setsPassword: true,
  passwordCertain: true,
  initialPassword: (row) => row.payload.initialPassword,
  basisNow: seatsBasis,
  marks: (row) => ({ password: row.payload.userId }),
  devicesOff: () => ({}),
  overlayUsers() {},
  overlayCounters() {},

  /**
   * Would it work? Managers only, never a manager's password, only a seat holder's. This device
   * knows the account's seat on this license only; the server also checks every other license
   * the account holds or manages.
   */
  preview(
    email: string,
    license: License | undefined,
    row: LicenseUser | undefined,
    userId: string,
    actor: Actor,
  ): CommandPreview {
    const licenseId = license?.id ?? '';
    const target = row ? { userId, seatLicenseIds: [licenseId], managesAny: row.isManager } : undefined;
    const decision = license ? canResetPassword(licenseId, target, actor, (id) => id === licenseId) : notFound();
    return {
      ...previewOf(decision),
      kind,
      title: text('lists.preview.passwordTitle', { email }),
      effects: [text('lists.preview.passwordEffect'), text('lists.preview.passwordSignOut')],
      costs: [],
      confirmText: text('lists.preview.passwordConfirm'),
      danger: true,
      queuedText: queuedText(text('lists.preview.passwordQueued', { email })),
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
