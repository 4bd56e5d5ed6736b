import { z } from 'zod';
import { EmailSchema, IdSchema, NameSchema } from './common';

export const COMMAND_KINDS = [
  'device.reset',
  'license.reset',
  'user.assign',
  'user.unassign',
  'user.reset_password',
] as const;
export type CommandKind = (typeof COMMAND_KINDS)[number];

/** Most commands one sync request may carry. */
export const MAX_BATCH = 1000;

export const DeviceResetPayloadSchema = z.object({ deviceId: IdSchema });
export const LicenseResetPayloadSchema = z.object({ licenseId: IdSchema });
export const UserAssignPayloadSchema = z.object({
  licenseId: IdSchema,
  email: EmailSchema,
  firstName: NameSchema.optional(),
  lastName: NameSchema.optional(),
  initialPassword: z.string().min(8).max(200).optional(),
});
export const UserUnassignPayloadSchema = z.object({ licenseId: IdSchema, userId: IdSchema });
/** A manager gives a user a new initial password (made when queued, like an assign's; or by the server). */
export const UserResetPasswordPayloadSchema = z.object({
  licenseId: IdSchema,
  userId: IdSchema,
  initialPassword: z.string().min(8).max(200).optional(),
});

/** What the user saw when queueing; the server answers `conflict` when a command would now do more. */
export const DeviceResetBasisSchema = z.object({
  deviceActive: z.boolean(),
  deactivationCount: z.number().int().min(0),
});
export const LicenseResetBasisSchema = z.object({
  activeDevices: z.number().int().min(0),
  assignedUsers: z.number().int().min(0),
});
export const SeatsBasisSchema = z.object({ seatsUsed: z.number().int().min(0) });

const envelope = {
  opId: z.uuid(),
  seq: z.number().int().min(0),
};

export const CommandSchema = z.discriminatedUnion('kind', [
  z.object({
    ...envelope,
    kind: z.literal('device.reset'),
    payload: DeviceResetPayloadSchema,
    basis: DeviceResetBasisSchema.optional(),
  }),
  z.object({
    ...envelope,
    kind: z.literal('license.reset'),
    payload: LicenseResetPayloadSchema,
    basis: LicenseResetBasisSchema.optional(),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.assign'),
    payload: UserAssignPayloadSchema,
    basis: SeatsBasisSchema.optional(),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.unassign'),
    payload: UserUnassignPayloadSchema,
    basis: SeatsBasisSchema.optional(),
  }),
  z.object({
    ...envelope,
    kind: z.literal('user.reset_password'),
    payload: UserResetPasswordPayloadSchema,
    basis: SeatsBasisSchema.optional(),
  }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export const SyncRequestSchema = z.object({
  clientId: z.string().min(1).max(64),
  commands: z.array(CommandSchema).max(MAX_BATCH, `send at most ${MAX_BATCH} commands per request`),
});
export type SyncRequest = z.infer<typeof SyncRequestSchema>;

export const OUTCOMES = ['applied', 'already_done', 'rejected', 'conflict'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What a command did; `initialPassword` only when the server generated one, returned once. */
export const CommandResultSchema = z.object({
  deviceId: IdSchema.optional(),
  userId: IdSchema.optional(),
  created: z.boolean().optional(),
  initialPassword: z.string().optional(),
  deactivationCount: z.number().int().min(0).optional(),
  devicesDeactivated: z.number().int().min(0).optional(),
  usersUnassigned: z.number().int().min(0).optional(),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

export const SyncResultSchema = z.object({
  opId: z.uuid(),
  outcome: z.enum(OUTCOMES),
  code: z.string().optional(),
  message: z.string().optional(),
  result: CommandResultSchema.optional(),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

export const SyncResponseSchema = z.object({ results: z.array(SyncResultSchema) });
export type SyncResponse = z.infer<typeof SyncResponseSchema>;
