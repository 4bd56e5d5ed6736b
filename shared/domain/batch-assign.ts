import { refuse, type Decision } from './decision';
import { remaining } from './limits';
import type { Actor, AssignmentFacts, LicenseFacts } from './types';
import { normalizeEmail } from './users';

/** Why an input row of a batch cannot be assigned as it is written. */
export const BATCH_ROW_PROBLEMS = ['email_missing', 'email_invalid', 'name_invalid'] as const;
export type BatchRowProblem = (typeof BATCH_ROW_PROBLEMS)[number];

/** Where each input row of a batch ends up. */
export const BATCH_CATEGORIES = ['assign', 'already_assigned', 'invalid', 'duplicate', 'over_limit'] as const;
export type BatchCategory = (typeof BATCH_CATEGORIES)[number];

/** One row of a batch as it was read (pasted or from a file): checked for shape, not yet decided. */
export interface BatchInputRow {
  /** 1-based line of the input it came from (a header line counts). */
  line: number;
  email: string;
  firstName: string;
  lastName: string;
  /** Set by the reader when the row is malformed (no email, not an email, a name too long). */
  problem?: BatchRowProblem;
}

/** One input row with its category; `duplicateOf` is the line that holds the same email first. */
type PlannedRow = BatchInputRow & { category: BatchCategory; duplicateOf?: number };

export interface BatchPlan {
  rows: PlannedRow[];
  counts: Record<BatchCategory, number>;
  /** Free seats before the batch (null: unlimited). */
  freeSeats: number | null;
}

export type BatchDecision = { ok: true; plan: BatchPlan } | Extract<Decision, { ok: false }>;

/**
 * Rule 5 over many emails at once, decided on what the manager sees: every input row lands in
 * exactly one category, in input order. A malformed row is `invalid`; a later row with an email
 * met earlier is `duplicate`; an email holding a seat is `already_assigned`; the rest take the
 * free seats in order, and the rows past them are `over_limit` ("Max license users number reached").
 */
export function planBatchAssign(
  license: LicenseFacts,
  assignments: readonly AssignmentFacts[],
  rows: readonly BatchInputRow[],
  actor: Actor,
): BatchDecision {
  if (!actor.isManager) return refuse('not_license_manager') as Extract<Decision, { ok: false }>;
  const seated = new Set(assignments.map((a) => normalizeEmail(a.email)));
  const firstLine = new Map<string, number>();
  const freeSeats = remaining(assignments.length, license.maxLicenseUsers);
  let seatsLeft = freeSeats ?? Number.POSITIVE_INFINITY;
  const counts = Object.fromEntries(BATCH_CATEGORIES.map((c) => [c, 0])) as Record<BatchCategory, number>;
  const planned = rows.map((row): PlannedRow => {
    const decide = (category: BatchCategory, extra: Partial<PlannedRow> = {}): PlannedRow => {
      counts[category] += 1;
      return { ...row, ...extra, category };
    };
    if (row.problem) return decide('invalid');
    const email = normalizeEmail(row.email);
    const earlier = firstLine.get(email);
    if (earlier !== undefined) return decide('duplicate', { duplicateOf: earlier });
    firstLine.set(email, row.line);
    if (seated.has(email)) return decide('already_assigned');
    if (seatsLeft <= 0) return decide('over_limit');
    seatsLeft -= 1;
    return decide('assign');
  });
  return { ok: true, plan: { rows: planned, counts, freeSeats } };
}
