import { z } from 'zod';
import { CommandResultSchema, CommandSchema, OUTCOMES, SyncResultSchema } from './commands';
import { CompanySchema, UserSchema } from './auth';
import { IdSchema, IsoDateTimeSchema } from './common';
import { DeviceSchema } from './licenses';

/**
 * A device as the cache keeps it: the server's, plus its status as text (`state`), which an
 * IndexedDB index can hold (a boolean it cannot), so a license's devices are read in the Devices
 * page's default order (active first, then by hostname) a screen at a time.
 */
export const DeviceRowSchema = z.object({ ...DeviceSchema.shape, state: z.enum(['active', 'inactive']) });
export type DeviceRow = z.infer<typeof DeviceRowSchema>;

/** The cache's row of a device from the server's. */
export const deviceRow = (device: z.infer<typeof DeviceSchema>): DeviceRow => ({
  ...device,
  state: device.active ? 'active' : 'inactive',
});

/** The server's answer for one command, as the client keeps it. */
const SettledSchema = z.object({
  outcome: z.enum(OUTCOMES),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  /** What the command did (e.g. `created: false`, or a server-made initial password): kept after compaction. */
  result: z.optional(CommandResultSchema),
  settledAt: IsoDateTimeSchema,
});
export type Settled = z.infer<typeof SettledSchema>;

/**
 * One command in the outbox. Its state is NOT stored per row while it syncs (that costs a row write
 * per command per step): it is derived from the batch lease and outcome rows below, and folded
 * into `settled` later by compaction, in one bulk write.
 */
export const OutboxRowSchema = z.intersection(
  CommandSchema,
  z.object({
    clientId: z.string().check(z.minLength(1), z.maxLength(64)),
    /** Who queued it: only their session may send it. */
    userId: IdSchema,
    /** The license it touches: a rejected command holds later ones of the same license. */
    licenseId: IdSchema,
    createdAt: IsoDateTimeSchema,
    /** What it does, in words, for the Changes view ("Reset device build-01"). */
    label: z.optional(z.string().check(z.maxLength(300))),
    /**
     * What it acts on (a hostname, an email, a license's name): the Changes view describes the
     * command in the reader's language from its kind and this; `label` is its English.
     */
    subject: z.optional(z.string().check(z.maxLength(300))),
    /** Set by compaction (or by the v1 -> v2 migration) once the outcome is known. */
    settled: z.optional(SettledSchema),
    /** The batch it was queued with (see BatchRowSchema): the Changes view shows a batch as one group. */
    groupId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  }),
);
export type OutboxRow = z.infer<typeof OutboxRowSchema>;

/** A sender's claim on one batch; expired leases return their commands to `queued`. */
export const LeaseRowSchema = z.object({
  batchId: z.string(),
  owner: z.string(),
  opIds: z.array(z.uuid()),
  takenAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
});
export type LeaseRow = z.infer<typeof LeaseRowSchema>;

/** Every outcome of one batch, in ONE row (one write per batch, not per command). */
export const OutcomeRowSchema = z.object({
  batchId: z.string(),
  settledAt: IsoDateTimeSchema,
  results: z.array(SyncResultSchema),
});
export type OutcomeRow = z.infer<typeof OutcomeRowSchema>;

/** The signed-in session, kept so the app opens offline. */
export const SessionMetaSchema = z.object({
  token: z.string().check(z.minLength(1)),
  user: UserSchema,
  company: z.nullable(CompanySchema),
});
export type SessionMeta = z.infer<typeof SessionMetaSchema>;

/** What the sender knows between runs: backoff, the last failure, the 401 block. */
export const SyncMetaSchema = z.object({
  attempt: z.int().check(z.gte(0)),
  nextRetryAt: z.nullable(IsoDateTimeSchema),
  lastError: z.nullable(z.object({ code: z.string(), message: z.string(), status: z.int() })),
  blockedAuth: z.boolean(),
  lastSyncAt: z.nullable(IsoDateTimeSchema),
});
export type SyncMeta = z.infer<typeof SyncMetaSchema>;

export const META_KEYS = {
  session: 'session',
  companyId: 'companyId',
  clientId: 'clientId',
  sync: 'sync',
} as const;

/** `fetchedAt:<what>` rows: the age of each cached aggregate. */
export const fetchedAtKey = (what: 'licenses' | `devices:${string}` | `users:${string}`) =>
  `fetchedAt:${what}` as const;

/**
 * `cursor:<list>:<licenseId>` rows: where the server's incremental pull of that list continues
 * from (opaque, the server's). Written with the list's rows, in the same transaction.
 */
export const cursorKey = (list: 'devices' | 'users', licenseId: string) => `cursor:${list}:${licenseId}` as const;

/** A meta row: a key and a value its reader parses with the schema for that key. */
export const MetaRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type MetaRow = z.infer<typeof MetaRowSchema>;
