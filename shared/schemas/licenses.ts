import { z } from 'zod';
import {
  CounterSchema,
  EmailSchema,
  IdSchema,
  IsoDateTimeSchema,
  LicenseStatusSchema,
  LicenseTypeSchema,
  RoleSchema,
  SubscriptionKindSchema,
} from './common';

/** A license as the portal shows it, with its three counters and the caller's role on it. */
export const LicenseSchema = z.object({
  id: IdSchema,
  name: z.string(),
  subscriptionKind: SubscriptionKindSchema,
  licenseType: LicenseTypeSchema,
  status: LicenseStatusSchema,
  validUntil: IsoDateTimeSchema.nullable(),
  quantity: z.number().int().min(0),
  maxActivations: z.number().int().min(0).nullable(),
  maxDeactivations: z.number().int().min(0).nullable(),
  deactivationCount: z.number().int().min(0),
  maxLicenseUsers: z.number().int().min(0),
  activations: CounterSchema,
  seats: CounterSchema,
  deactivations: CounterSchema,
  role: RoleSchema,
  createdAt: IsoDateTimeSchema,
});
export type License = z.infer<typeof LicenseSchema>;

export const DeviceSchema = z.object({
  id: IdSchema,
  licenseId: IdSchema,
  userId: IdSchema,
  userEmail: EmailSchema,
  hardwareId: z.string(),
  hostname: z.string(),
  os: z.string(),
  firstActivatedAt: IsoDateTimeSchema,
  lastCheckedAt: IsoDateTimeSchema,
  active: z.boolean(),
  deactivatedAt: IsoDateTimeSchema.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** A user holding a seat of a license. */
export const LicenseUserSchema = z.object({
  id: IdSchema,
  licenseId: IdSchema,
  email: EmailSchema,
  firstName: z.string(),
  lastName: z.string(),
  isManager: z.boolean(),
  assignedAt: IsoDateTimeSchema,
});
export type LicenseUser = z.infer<typeof LicenseUserSchema>;

export const LicensesResponseSchema = z.object({ licenses: z.array(LicenseSchema) });
export const LicenseResponseSchema = z.object({ license: LicenseSchema });
/**
 * A list answer of the incremental pull. Without `since` (or with one the server cannot continue
 * from) it is the whole list (`full: true`); with a usable `since` it holds only the rows changed
 * after that cursor, and `removed` the ids that left the list. `cursor` is opaque: the client keeps
 * it per license and sends it back as `since` on the next refresh.
 */
const pulled = {
  removed: z.array(IdSchema).default([]),
  cursor: z.string().max(200).optional(),
  full: z.boolean().default(true),
};
export const DevicesResponseSchema = z.object({ devices: z.array(DeviceSchema), ...pulled });
export type DevicesResponse = z.infer<typeof DevicesResponseSchema>;
export const UsersResponseSchema = z.object({ users: z.array(LicenseUserSchema), ...pulled });
export type UsersResponse = z.infer<typeof UsersResponseSchema>;

/** `GET /licenses/:id/devices|users?since=<cursor>`: only what changed after that cursor. */
export const ListQuerySchema = z.object({ since: z.string().trim().min(1).max(200).optional() });

/** `GET /api/v1/licenses?email=` lets a manager find the licenses a user holds. */
export const LicensesQuerySchema = z.object({ email: z.string().trim().max(254).optional() });
