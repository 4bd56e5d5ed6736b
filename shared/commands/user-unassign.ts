import { canUnassignUser, normalizeEmail, queuedText, type Actor, type AssignmentFacts } from '../domain';
import { text } from '../i18n';
import type { License } from '../schemas';
import { detailValue as value } from './event-detail';
import { notFound, previewOf, type CommandPreview } from './preview';
import { seatsBasis } from './seats';
import { SETS_NO_PASSWORD, type CommandModule } from './types';

const kind = 'user.unassign';

/** Take a user's seat back; managers keep theirs (rule 5 in reverse). */
export const userUnassign = {
  kind,
  label: (subject: string) => text('lists.changes.commands.user_unassign', { subject }),
  eventKindText: () => text('activity.kinds.user_unassign'),
  eventText: (d, who) => text('activity.events.userUnassign', { who, email: value(d, 'email') }),
  previewTestId: 'unassign-preview',
  namedByLicense: false,
  ...SETS_NO_PASSWORD,
  basisNow: seatsBasis,
  marks: (row) => ({ user: row.payload.userId }),
  devicesOff: () => ({}),
  overlayUsers(row, users) {
    if (row.payload.licenseId === users.licenseId) users.remove(row.payload.userId);
  },
  overlayCounters(row, s) {
    const { userId } = row.payload;
    const user = s.usersById.get(userId);
    if (s.unassigned.has(userId) || user?.isManager || (s.users.length > 0 && !user)) return;
    s.unassigned.add(userId);
    if (user) s.assigned.delete(normalizeEmail(user.email));
    s.seats = Math.max(0, s.seats - 1);
  },

  /** Would unassigning this user work? */
  preview(
    email: string,
    license: License | undefined,
    assignments: readonly AssignmentFacts[],
    userId: string,
    actor: Actor,
  ): CommandPreview {
    const decision = license ? canUnassignUser(assignments, userId, actor) : notFound();
    return {
      ...previewOf(decision),
      kind,
      title: text('lists.preview.unassignTitle', { email }),
      effects: [text('lists.preview.unassignEffect')],
      costs: [],
      confirmText: text('lists.preview.unassignConfirm'),
      danger: true,
      queuedText: queuedText(text('lists.preview.unassignQueued', { email })),
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
