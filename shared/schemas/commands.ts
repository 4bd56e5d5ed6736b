import { z } from 'zod';
import { CountSchema, EmailSchema, IdSchema, IsoDateTimeSchema, NameSchema } from './common';

export const COMMAND_KINDS = [
  'device.reset',
  'license.reset',
  'license.grant',
  'user.assign',
  'user.unassign',
  'user.reset_password',
] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** Most commands one sync request may carry. */
export const MAX_BATCH = 1000;

const DeviceResetPayloadSchema = z.object({ deviceId: IdSchema });
const LicenseResetPayloadSchema = z.object({ licenseId: IdSchema });
/** A manager pastes a grant code from the vendor (checked on the server against the vendor keys). */
const LicenseGrantPayloadSchema = z.object({
  licenseId: IdSchema,
  code: z.string().check(z.minLength(1), z.maxLength(2000)),
});
const UserAssignPayloadSchema = z.object({
  licenseId: IdSchema,
  email: EmailSchema,
  firstName: z.optional(NameSchema),
  lastName: z.optional(NameSchema),
  initialPassword: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
});
const UserUnassignPayloadSchema = z.object({ licenseId: IdSchema, userId: IdSchema });
/** A manager gives a user a new initial password (made when queued, like an assign's; or by the server). */
const UserResetPasswordPayloadSchema = z.object({
  licenseId: IdSchema,
  userId: IdSchema,
  initialPassword: z.optional(z.string().check(z.minLength(8), z.maxLength(200))),
});

/** What the user saw when queueing; the server answers `conflict` when a command would now do more. */
const DeviceResetBasisSchema = z.object({
  deviceActive: z.boolean(),
  deactivationCount: CountSchema,
});
const LicenseResetBasisSchema = z.object({
  activeDevices: CountSchema,
  assignedUsers: CountSchema,
});
/** The deactivation limit the manager saw when pasting the code (what the preview said it raises from). */
const LicenseGrantBasisSchema = z.object({ maxDeactivations: z.nullable(CountSchema) });
const SeatsBasisSchema = z.object({ seatsUsed: CountSchema });

const envelope = {
  opId: z.uuid(),
  seq: CountSchema,
};

export const CommandSchema = z.discriminatedUnion('kind', [
  z.object({
    ...envelope,
    kind: z.literal('device.reset'),
    payload: DeviceResetPayloadSchema,
    basis: z.optional(DeviceResetBasisSchema),
  }),
  z.object({
    ...envelope,
    kind: z.literal('license.reset'),
    payload: LicenseResetPayloadSchema,
    basis: z.optional(LicenseResetBasisSchema),
  }),
  z.object({
    ...envelope,
    kind: z.literal('license.grant'),
    payload: LicenseGrantPayloadSchema,
    basis: z.optional(LicenseGrantBasisSchema),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.assign'),
    payload: UserAssignPayloadSchema,
    basis: z.optional(SeatsBasisSchema),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.unassign'),
    payload: UserUnassignPayloadSchema,
    basis: z.optional(SeatsBasisSchema),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.reset_password'),
    payload: UserResetPasswordPayloadSchema,
    basis: z.optional(SeatsBasisSchema),
  }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export const SyncRequestSchema = z.object({
  clientId: z.string().check(z.minLength(1), z.maxLength(64)),
  commands: z.array(CommandSchema).check(z.maxLength(MAX_BATCH, `send at most ${MAX_BATCH} commands per request`)),
});
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export const OUTCOMES = ['applied', 'already_done', 'rejected', 'conflict'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What a command did; `initialPassword` only when the server generated one, returned once;
 * `passwordExpiresAt` when it set an initial password: it works for the first sign-in until then.
 */
export const CommandResultSchema = z.object({
  deviceId: z.optional(IdSchema),
  userId: z.optional(IdSchema),
  created: z.optional(z.boolean()),
  initialPassword: z.optional(z.string()),
  passwordExpiresAt: z.optional(IsoDateTimeSchema),
  deactivationCount: z.optional(CountSchema),
  /** A grant code's: the license's deactivation limit after it (null: no limit). */
  maxDeactivations: z.optional(z.nullable(CountSchema)),
  devicesDeactivated: z.optional(CountSchema),
  usersUnassigned: z.optional(CountSchema),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const SyncResultSchema = z.object({
  opId: z.uuid(),
  outcome: z.enum(OUTCOMES),
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  result: z.optional(CommandResultSchema),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncResponseSchema = z.object({ results: z.array(SyncResultSchema) });
export type SyncResponse = z.infer<typeof SyncResponseSchema>;
