import * as enSections from '../i18n/catalogs/en';
import { text, type MessageKey, type Text } from '../i18n';
import type { BatchCategory, BatchRowProblem } from './batch-assign';

// The texts of batch assigns: a row's category, its outcome, the notices. (The codes' texts are
// messages.ts; the Activity tab's lines, shared/commands/activity.ts.)

/** Why a batch row cannot be assigned as written. */
const batchProblemText = (problem: BatchRowProblem): Text => text(`batch.problems.${problem}`);

/** The batch preview's heading of each category. */
export const batchCategoryText = (category: BatchCategory): Text => text(`batch.categories.${category}`);
export const BATCH_CATEGORY_LABELS: Record<BatchCategory, string> = enSections.batch.categories;

/** What the batch preview (and its results) says of one row. */
export function batchRowText(row: { category: BatchCategory; problem?: BatchRowProblem; duplicateOf?: number }): Text {
  switch (row.category) {
    case 'invalid':
      return batchProblemText(row.problem ?? 'email_invalid');
    case 'duplicate':
      return text('batch.rows.duplicate', { line: row.duplicateOf ?? '?' });
    default:
      return text(`batch.rows.${row.category}`);
  }
}

/** The notice once a batch is queued. */
export const batchQueuedText = (count: number): Text => text('batch.queued', { count });

/** Where each input row of a queued batch ended (the results file's `outcome` column). */
const BATCH_OUTCOMES = [
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
export function batchOutcomeTexts(counts: Partial<Record<BatchOutcome, number>>): Text[] {
  return BATCH_OUTCOMES.filter((o) => (counts[o] ?? 0) > 0).map((o) => text(OUTCOME_KEYS[o], { count: counts[o]! }));
}
/** An outcome's own word ("needs confirmation"), as the results' table shows it. */
export const batchOutcomeWordText = (outcome: BatchOutcome): Text => text(OUTCOME_WORD_KEYS[outcome]);
const OUTCOME_WORD_KEYS: Record<BatchOutcome, MessageKey> = {
  assigned: 'lists.group.outcomes.assigned',
  'already assigned': 'lists.group.outcomes.already_assigned',
  refused: 'lists.group.outcomes.refused',
  'needs confirmation': 'lists.group.outcomes.needs_confirmation',
  waiting: 'lists.group.outcomes.waiting',
  discarded: 'lists.group.outcomes.discarded',
  invalid: 'lists.group.outcomes.invalid',
  duplicate: 'lists.group.outcomes.duplicate',
  'seat limit reached': 'lists.group.outcomes.seat_limit_reached',
};
const OUTCOME_KEYS: Record<BatchOutcome, MessageKey> = {
  assigned: 'batch.outcomes.assigned',
  'already assigned': 'batch.outcomes.already_assigned',
  refused: 'batch.outcomes.refused',
  'needs confirmation': 'batch.outcomes.needs_confirmation',
  waiting: 'batch.outcomes.waiting',
  discarded: 'batch.outcomes.discarded',
  invalid: 'batch.outcomes.invalid',
  duplicate: 'batch.outcomes.duplicate',
  'seat limit reached': 'batch.outcomes.seat_limit_reached',
};

/** The most rows one batch takes (one sync request's worth of commands). */
export const MAX_BATCH_ROWS = 1000;

/** A list longer than one batch takes. */
export const batchTooLongText = (rows: number): Text => text('batch.tooLong', { rows, max: MAX_BATCH_ROWS });
