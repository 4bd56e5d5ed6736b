import { z } from 'zod';
import { BATCH_CATEGORIES, BATCH_ROW_PROBLEMS } from '../domain';
import { CountSchema, IdSchema, IsoDateTimeSchema } from './common';

/** One input row of a batch assign as it was planned: its category and, when queued, its command. */
const BatchPlannedRowSchema = z.object({
  line: CountSchema,
  email: z.string().check(z.maxLength(1000)),
  firstName: z.string().check(z.maxLength(1000)),
  lastName: z.string().check(z.maxLength(1000)),
  problem: z.optional(z.enum(BATCH_ROW_PROBLEMS)),
  category: z.enum(BATCH_CATEGORIES),
  duplicateOf: z.optional(CountSchema),
  /** The `user.assign` queued for it (category `assign` only). */
  opId: z.optional(z.uuid()),
});
export type BatchPlannedRow = z.infer<typeof BatchPlannedRowSchema>;

/**
 * A batch assign as the manager queued it, kept beside its commands (which carry its `groupId`):
 * every input row, queued or not, so its results name each one. Its commands' initial passwords
 * stay in the outbox until the manager dismisses the batch (`dismissedAt`), then they are dropped.
 */
export const BatchRowSchema = z.object({
  groupId: IdSchema,
  licenseId: IdSchema,
  /** Who queued it: only they see it. */
  userId: IdSchema,
  createdAt: IsoDateTimeSchema,
  /** "people.csv", or "pasted list". */
  source: z.string().check(z.maxLength(300)),
  rows: z.array(BatchPlannedRowSchema),
  dismissedAt: z.optional(IsoDateTimeSchema),
});
export type BatchRow = z.infer<typeof BatchRowSchema>;
