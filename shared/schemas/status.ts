import { z } from 'zod';
import { CounterSchema, IdSchema, IsoDateTimeSchema, LicenseStatusSchema, RoleSchema } from './common';
import { UserSchema } from './auth';

/** Absolute portal URLs of the pages that fix a problem with one license. */
export const StatusLinksSchema = z.object({
  licenses: z.string(),
  license: z.string(),
  devices: z.string(),
  users: z.string().nullable(),
});
export type StatusLinks = z.infer<typeof StatusLinksSchema>;

/** The extension's compact view of one license. */
export const LicenseStatusViewSchema = z.object({
  id: IdSchema,
  name: z.string(),
  status: LicenseStatusSchema,
  validUntil: IsoDateTimeSchema.nullable(),
  role: RoleSchema,
  activations: CounterSchema,
  seats: CounterSchema,
  deactivations: CounterSchema,
  links: StatusLinksSchema,
});
export type LicenseStatusView = z.infer<typeof LicenseStatusViewSchema>;

export const StatusResponseSchema = z.object({
  user: UserSchema,
  licenses: z.array(LicenseStatusViewSchema),
  checkedAt: IsoDateTimeSchema,
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
