import { z } from 'zod';
import {
  CounterSchema,
  CountSchema,
  EmailSchema,
  IdSchema,
  IsoDateTimeSchema,
  LicenseStatusSchema,
  LicenseTypeSchema,
  RoleSchema,
  SubscriptionKindSchema,
  withoutNul,
} from './common';

/** A license as the portal shows it, with its three counters and the caller's role on it. */
export const LicenseSchema = z.object({
  id: IdSchema,
  name: z.string(),
  subscriptionKind: SubscriptionKindSchema,
  licenseType: LicenseTypeSchema,
  status: LicenseStatusSchema,
  validUntil: z.nullable(IsoDateTimeSchema),
  quantity: CountSchema,
  maxActivations: z.nullable(CountSchema),
  maxDeactivations: z.nullable(CountSchema),
  deactivationCount: CountSchema,
  maxLicenseUsers: CountSchema,
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
  deactivatedAt: z.nullable(IsoDateTimeSchema),
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
  removed: z._default(z.array(IdSchema), []),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  full: z._default(z.boolean(), true),
};
export const DevicesResponseSchema = z.object({ devices: z.array(DeviceSchema), ...pulled });
export const UsersResponseSchema = z.object({ users: z.array(LicenseUserSchema), ...pulled });

/**
 * `GET /licenses/:id/devices|users?since=<cursor>`: only what changed after that cursor.
 * `format=ndjson`: the answer's head (`removed`, `cursor`, `full`) on the first line, then one row
 * a line, so a client can show and store rows while the rest arrives.
 */
export const ListQuerySchema = z.object({
  since: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  format: z.optional(z.enum(['json', 'ndjson'])),
});

/** The first line of an NDJSON list answer: everything but the rows. */
export const ListHeadSchema = z.object({ ...pulled });
export type ListHead = z.infer<typeof ListHeadSchema>;

/** `GET /api/v1/licenses?email=` lets a manager find the licenses a user holds. */
export const LicensesQuerySchema = z.object({
  email: z.optional(z.string().check(z.trim(), z.maxLength(254), withoutNul())),
});
