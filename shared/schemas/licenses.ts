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
export const DevicesResponseSchema = z.object({ devices: z.array(DeviceSchema) });
export const UsersResponseSchema = z.object({ users: z.array(LicenseUserSchema) });

/** `GET /api/v1/licenses?email=` lets a manager find the licenses a user holds. */
export const LicensesQuerySchema = z.object({ email: z.string().trim().max(254).optional() });
