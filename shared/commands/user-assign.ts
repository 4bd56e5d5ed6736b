import { canAssignUser, normalizeEmail, queuedText, type Actor, type AssignmentFacts } from '../domain';
import { text, type Text } from '../i18n';
import type { License } from '../schemas';
import { detailValue as value } from './event-detail';
import { pendingUserId } from './pending-ids';
import { notFound, previewOf, type CommandPreview } from './preview';
import { seatsBasis } from './seats';
import type { CommandModule } from './types';

const kind = 'user.assign';

/** Assign a seat; an email nobody here knows gets an account with an initial password (rule 5). */
export const userAssign = {
  kind,
  label: (subject: string) => text('lists.changes.commands.user_assign', { subject }),
  eventKindText: () => text('activity.kinds.user_assign'),
  eventText: (d, who) =>
    text(d.created === true ? 'activity.events.userAssignNew' : 'activity.events.userAssign', {
      who,
      email: value(d, 'email'),
    }),
  previewTestId: 'assign-preview',
  namedByLicense: false,
  setsPassword: true,
  passwordCertain: false,
  initialPassword: (row) => row.payload.initialPassword,
  basisNow: seatsBasis,
  marks: (row) => ({ user: row.payload.email }),
  devicesOff: () => ({}),
  overlayUsers(row, users) {
    const { payload } = row;
    if (payload.licenseId !== users.licenseId || users.holders(normalizeEmail(payload.email)) > 0) return;
    users.add({
      id: pendingUserId(row.opId),
      licenseId: users.licenseId,
      email: payload.email,
      firstName: payload.firstName ?? '',
      lastName: payload.lastName ?? '',
      isManager: false,
      assignedAt: row.createdAt,
    });
  },
  overlayCounters(row, s) {
    const email = normalizeEmail(row.payload.email);
    if (s.assigned.has(email)) return;
    s.assigned.add(email);
    s.seats += 1;
  },

  /** Would assigning this email work? ("Max license users number reached", "uses the last free seat"). */
  preview(
    email: string,
    license: License | undefined,
    assignments: readonly AssignmentFacts[],
    actor: Actor,
    knownEmail: boolean,
  ): CommandPreview {
    const decision = license ? canAssignUser(license, assignments, email, actor) : notFound();
    const seats = license?.seats.max != null ? { used: license.seats.used + 1, max: license.seats.max } : null;
    const effects: Text[] = !decision.ok
      ? []
      : decision.kind === 'already_done'
        ? [text('lists.preview.assignAlready', { email })]
        : [
            seats
              ? text('lists.preview.assignGivesSeats', { email, ...seats })
              : text('lists.preview.assignGives', { email }),
          ];
    if (decision.ok && !knownEmail) effects.push(text('lists.preview.assignNewAccount'));
    return {
      ...previewOf(decision),
      kind,
      title: text('lists.preview.assignTitle', { email }),
      effects,
      costs: [],
      confirmText: text('lists.preview.assignConfirm'),
      danger: false,
      queuedText: queuedText(text('lists.preview.assignQueued', { email })),
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
