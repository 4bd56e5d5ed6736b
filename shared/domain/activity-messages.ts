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

/** The filter's name of each kind the portal records. */
export const EVENT_KIND_LABELS: Record<string, string> = {
  'device.activate': 'Device activations',
  'device.reset': 'Device resets',
  'license.reset': 'License resets',
  'user.assign': 'Assignments',
  'user.unassign': 'Unassignments',
  'user.reset_password': 'Password resets',
  'license.create': 'License created',
  'license.change': 'Vendor changes',
  'license.lift_deactivation_limit': 'Deactivation limit lifted',
  'user.make_manager': 'New license managers',
};

const text = (detail: Record<string, unknown>, key: string, fallback = '?'): string => {
  const value = detail[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
};
const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
const limit = (value: unknown) => (value === null ? 'unlimited' : String(value));

/** "quantity 5, activation limit unlimited": what a vendor change set, in its order. */
function changeText(detail: Record<string, unknown>): string {
  const parts: Record<string, (v: unknown) => string> = {
    quantity: (v) => `quantity ${String(v)}`,
    maxActivations: (v) => `activation limit ${limit(v)}`,
    maxDeactivations: (v) => `deactivation limit ${limit(v)}`,
    status: (v) => `status ${String(v)}`,
    validUntil: (v) => (v === null ? 'valid forever' : `valid until ${String(v).slice(0, 10)}`),
  };
  const said = Object.keys(parts)
    .filter((k) => k in detail)
    .map((k) => parts[k]!(detail[k]));
  return said.length ? said.join(', ') : 'its terms';
}

/**
 * One readable line per event, who and what ("dev@codeglass.example reset device dev-laptop
 * (3 of 5 deactivations used)"); the page shows when beside it. `maxDeactivations` is the
 * license's limit now (null: unlimited), which the count of a reset is told against.
 */
export function eventText(event: EventFacts, license: { maxDeactivations: number | null }): string {
  const who = event.byVendor ? 'The vendor' : event.actor;
  const d = event.detail;
  switch (event.kind) {
    case 'device.activate':
      return `${who} activated ${text(d, 'hostname')} (${text(d, 'os')})`;
    case 'device.reset': {
      const owner = text(d, 'owner', event.actor);
      const whose = owner === event.actor ? '' : ` of ${owner}`;
      const used = text(d, 'deactivationCount');
      const counted =
        license.maxDeactivations === null
          ? `${used} deactivations used, no limit`
          : `${used} of ${license.maxDeactivations} deactivations used`;
      return `${who} reset device ${text(d, 'hostname')}${whose} (${counted})`;
    }
    case 'license.reset': {
      const devices = count(Number(d.devicesDeactivated ?? 0), 'device');
      return `${who} reset the license: ${devices} deactivated, ${count(Number(d.usersUnassigned ?? 0), 'user')} unassigned`;
    }
    case 'user.assign':
      return `${who} assigned ${text(d, 'email')}${d.created === true ? ' (new account)' : ''}`;
    case 'user.unassign':
      return `${who} unassigned ${text(d, 'email')}`;
    case 'user.reset_password':
      return `${who} reset the password of ${text(d, 'email')}`;
    case 'license.create':
      return `${who} created the license, managed by ${text(d, 'manager')}`;
    case 'license.change':
      return `${who} changed the license: ${changeText(d)}`;
    case 'license.lift_deactivation_limit':
      return `${who} lifted the deactivation limit`;
    case 'user.make_manager':
      return `${who} made ${text(d, 'email')} a license manager`;
    default:
      return `${who}: ${event.kind}`;
  }
}

/** Why a batch row cannot be assigned as written. */
export const BATCH_PROBLEM_MESSAGES: Record<BatchRowProblem, string> = {
  email_missing: 'No email on this line.',
  email_invalid: 'This is not an email address.',
  name_invalid: 'A name is longer than 100 characters.',
};

/** The batch preview's heading of each category. */
export const BATCH_CATEGORY_LABELS: Record<BatchCategory, string> = {
  assign: 'Will be assigned',
  already_assigned: 'Already assigned',
  invalid: 'Invalid',
  duplicate: 'Duplicates',
  over_limit: 'Beyond the free seats',
};

/** What the batch preview (and its results) says of one row that is not assigned. */
export function batchRowText(row: {
  category: BatchCategory;
  problem?: BatchRowProblem;
  duplicateOf?: number;
}): string {
  switch (row.category) {
    case 'assign':
      return 'Will be assigned.';
    case 'already_assigned':
      return 'Already holds a seat: nothing changes.';
    case 'invalid':
      return BATCH_PROBLEM_MESSAGES[row.problem ?? 'email_invalid'];
    case 'duplicate':
      return `The same email as line ${row.duplicateOf ?? '?'}: assigned once.`;
    case 'over_limit':
      return 'Max license users number reached: not assigned.';
  }
}

/** The notice once a batch is queued. */
export function batchQueuedText(assigns: number): string {
  return `${count(assigns, 'assignment')} queued: sent now, or as soon as you are back online. The Changes page shows each outcome.`;
}

/** The notice after a password reset is queued: the new password is not conditional, unlike an assign's. */
export function resetPasswordNotice(email: string): string {
  return `The new initial password of ${email} is:`;
}

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

/** "3 assigned, 1 invalid, 2 waiting": a batch's outcomes in one line, in BATCH_OUTCOMES order. */
export function batchOutcomesText(counts: Partial<Record<BatchOutcome, number>>): string {
  return BATCH_OUTCOMES.filter((o) => (counts[o] ?? 0) > 0)
    .map((o) => `${counts[o]} ${o}`)
    .join(', ');
}

/** The most rows one batch takes (one sync request's worth of commands). */
export const MAX_BATCH_ROWS = 1000;

/** A list longer than one batch takes. */
export function batchTooLongText(rows: number): string {
  return `This list has ${rows} rows: a batch takes at most ${MAX_BATCH_ROWS}. Split it and assign each part.`;
}
