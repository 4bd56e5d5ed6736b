import { z } from 'zod';
import { HttpUrlSchema, IsoDateTimeSchema } from './common';
import { UserSchema } from './auth';
import { LicenseSchema } from './licenses';

/** Absolute portal URLs of the pages that fix a problem with one license. */
const StatusLinksSchema = z.object({
  licenses: z.string(),
  license: z.string(),
  devices: z.string(),
  users: z.nullable(z.string()),
});

/** The extension's compact view of one license: the License fields it shows, plus links. */
const license = LicenseSchema.shape;
const LicenseStatusViewSchema = z.object({
  id: license.id,
  name: license.name,
  status: license.status,
  validUntil: license.validUntil,
  role: license.role,
  activations: license.activations,
  seats: license.seats,
  deactivations: license.deactivations,
  links: StatusLinksSchema,
});
export type LicenseStatusView = z.infer<typeof LicenseStatusViewSchema>;

/** The vendor's pages that "contact us" and "upgrade" messages link to (null: none configured). */
const VendorLinksSchema = z.object({ contact: z.nullable(HttpUrlSchema), upgrade: z.nullable(HttpUrlSchema) });

export const StatusResponseSchema = z.object({
  user: UserSchema,
  licenses: z.array(LicenseStatusViewSchema),
  checkedAt: IsoDateTimeSchema,
  /** Optional: older servers do not send it. */
  links: z.optional(VendorLinksSchema),
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
