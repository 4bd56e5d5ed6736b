import * as enSections from '../i18n/catalogs/en';
import { english, keyPart, text, type MessageKey, type Text } from '../i18n';
import type { BatchCategory, BatchRowProblem } from './batch-assign';

// Part of the messages module (re-exported by messages.ts): the texts of the Activity tab and of
// batch assigns. Split out by concept, so each file stays short.

/** A recorded event, as the Activity tab and its CSV describe it (its `kind` may be newer than this client). */
export interface EventFacts {
  actor: string;
  byVendor: boolean;
  kind: string;
  detail: Record<string, unknown>;
}

/** The filter's name of an event kind the portal records. */
export const eventKindText = (kind: string): Text => text(`activity.kinds.${keyPart(kind)}` as MessageKey);

/** The English filter names (the kinds this client knows; tests and the CSV's English read them). */
export const EVENT_KIND_LABELS: Record<string, string> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.keys(enSections.activity.kinds).map((k) => [k.replace('_', '.'), english(eventKindText(k))]),
  ))();

const value = (detail: Record<string, unknown>, key: string, fallback = '?'): string => {
  const v = detail[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
};
const limitValue = (v: unknown): string | Text => (v === null ? text('activity.changes.unlimited') : String(v));

/** "quantity 5, activation limit unlimited": what a vendor change set, in its order. */
function changeTexts(detail: Record<string, unknown>): Text[] {
  const parts: Array<[string, (v: unknown) => Text]> = [
    ['quantity', (v) => text('activity.changes.quantity', { value: String(v) })],
    ['maxActivations', (v) => text('activity.changes.maxActivations', { value: limitValue(v) })],
    ['maxDeactivations', (v) => text('activity.changes.maxDeactivations', { value: limitValue(v) })],
    ['status', (v) => text('activity.changes.status', { value: String(v) })],
    [
      'validUntil',
      (v) =>
        v === null
          ? text('activity.changes.validForever')
          : text('activity.changes.validUntil', { value: String(v).slice(0, 10) }),
    ],
  ];
  return parts.filter(([k]) => k in detail).map(([k, say]) => say(detail[k]));
}

/**
 * One readable line per event, who and what ("dev@codeglass.example reset device dev-laptop
 * (3 of 5 deactivations used)"); the page shows when beside it. `maxDeactivations` is the
 * license's limit now (null: unlimited), which the count of a reset is told against. `list`
 * joins a vendor change's parts in the reader's language.
 */
export function eventMessage(
  event: EventFacts,
  license: { maxDeactivations: number | null },
  list: (parts: Text[]) => string | Text = (parts) => parts.map(english).join(', '),
): Text {
  const who: string | Text = event.byVendor ? text('activity.vendor') : event.actor;
  const d = event.detail;
  switch (event.kind) {
    case 'device.activate':
      return text('activity.events.deviceActivate', { who, hostname: value(d, 'hostname'), os: value(d, 'os') });
    case 'device.reset': {
      const owner = value(d, 'owner', event.actor);
      const used = value(d, 'deactivationCount');
      const counted =
        license.maxDeactivations === null
          ? text('activity.events.deactivationsUsedUnlimited', { used })
          : text('activity.events.deactivationsUsed', { used, max: license.maxDeactivations });
      const hostname = value(d, 'hostname');
      return owner === event.actor
        ? text('activity.events.deviceReset', { who, hostname, counted })
        : text('activity.events.deviceResetOf', { who, hostname, owner, counted });
    }
    case 'license.reset':
      return text('activity.events.licenseReset', {
        who,
        devices: text('activity.events.devices', { count: Number(d.devicesDeactivated ?? 0) }),
        users: text('activity.events.users', { count: Number(d.usersUnassigned ?? 0) }),
      });
    case 'user.assign':
      return text(d.created === true ? 'activity.events.userAssignNew' : 'activity.events.userAssign', {
        who,
        email: value(d, 'email'),
      });
    case 'user.unassign':
      return text('activity.events.userUnassign', { who, email: value(d, 'email') });
    case 'user.reset_password':
      return text('activity.events.userResetPassword', { who, email: value(d, 'email') });
    case 'license.create':
      return text('activity.events.licenseCreate', { who, manager: value(d, 'manager') });
    case 'license.change': {
      const parts = changeTexts(d);
      return text('activity.events.licenseChange', {
        who,
        changes: parts.length ? list(parts) : text('activity.changes.nothing'),
      });
    }
    case 'license.lift_deactivation_limit':
      return text('activity.events.licenseLift', { who });
    case 'user.make_manager':
      return text('activity.events.makeManager', { who, email: value(d, 'email') });
    case 'user.dismiss_manager':
      return text('activity.events.dismissManager', { who, email: value(d, 'email') });
    default:
      return text('activity.events.other', { who, kind: event.kind });
  }
}

/** The English line of an event (the CLI, tests). */
export const eventText = (event: EventFacts, license: { maxDeactivations: number | null }): string =>
  english(eventMessage(event, license));

/** Why a batch row cannot be assigned as written. */
export const batchProblemText = (problem: BatchRowProblem): Text => text(`batch.problems.${problem}`);
export const BATCH_PROBLEM_MESSAGES: Record<BatchRowProblem, string> = enSections.batch.problems;

/** The batch preview's heading of each category. */
export const batchCategoryText = (category: BatchCategory): Text => text(`batch.categories.${category}`);
export const BATCH_CATEGORY_LABELS: Record<BatchCategory, string> = enSections.batch.categories;

/** What the batch preview (and its results) says of one row. */
export function batchRowMessage(row: {
  category: BatchCategory;
  problem?: BatchRowProblem;
  duplicateOf?: number;
}): Text {
  switch (row.category) {
    case 'invalid':
      return batchProblemText(row.problem ?? 'email_invalid');
    case 'duplicate':
      return text('batch.rows.duplicate', { line: row.duplicateOf ?? '?' });
    default:
      return text(`batch.rows.${row.category}`);
  }
}
export const batchRowText = (row: Parameters<typeof batchRowMessage>[0]): string => english(batchRowMessage(row));

/** The notice once a batch is queued. */
export const batchQueuedMessage = (count: number): Text => text('batch.queued', { count });
export const batchQueuedText = (assigns: number): string => english(batchQueuedMessage(assigns));

/** The notice after a password reset is queued: the new password is not conditional, unlike an assign's. */
export const resetPasswordMessage = (email: string): Text => text('messages.resetPasswordNotice', { email });
export const resetPasswordNotice = (email: string): string => english(resetPasswordMessage(email));

/** Where each input row of a queued batch ended (the results file's `outcome` column). */
export const BATCH_OUTCOMES = [
  'assigned',
  'already assigned',
  'refused',
  'needs confirmation',
  'waiting',
  'discarded',
  'invalid',
  'duplicate',
  'seat limit reached',
] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];

/** Each outcome's count, in BATCH_OUTCOMES order ("3 assigned", "1 invalid"), for the reader to join. */
export function batchOutcomeMessages(counts: Partial<Record<BatchOutcome, number>>): Text[] {
  return BATCH_OUTCOMES.filter((o) => (counts[o] ?? 0) > 0).map((o) =>
    text(`batch.outcomes.${keyPart(o)}` as MessageKey, { count: counts[o]! }),
  );
}
/** "3 assigned, 1 invalid, 2 waiting": a batch's outcomes in one line, in English. */
export const batchOutcomesText = (counts: Partial<Record<BatchOutcome, number>>): string =>
  batchOutcomeMessages(counts).map(english).join(', ');

/** The most rows one batch takes (one sync request's worth of commands). */
export const MAX_BATCH_ROWS = 1000;

/** A list longer than one batch takes. */
export const batchTooLongMessage = (rows: number): Text => text('batch.tooLong', { rows, max: MAX_BATCH_ROWS });
export const batchTooLongText = (rows: number): string => english(batchTooLongMessage(rows));
