import { z } from 'zod';
import { IsoDateTimeSchema } from './common';
import { UserSchema } from './auth';
import { LicenseSchema } from './licenses';

/** Absolute portal URLs of the pages that fix a problem with one license. */
export const StatusLinksSchema = z.object({
  licenses: z.string(),
  license: z.string(),
  devices: z.string(),
  users: z.string().nullable(),
});
export type StatusLinks = z.infer<typeof StatusLinksSchema>;

/** The extension's compact view of one license: the License fields it shows, plus links. */
export const LicenseStatusViewSchema = LicenseSchema.pick({
  id: true,
  name: true,
  status: true,
  validUntil: true,
  role: true,
  activations: true,
  seats: true,
  deactivations: true,
}).extend({ links: StatusLinksSchema });
export type LicenseStatusView = z.infer<typeof LicenseStatusViewSchema>;

export const StatusResponseSchema = z.object({
  user: UserSchema,
  licenses: z.array(LicenseStatusViewSchema),
  checkedAt: IsoDateTimeSchema,
});
export type StatusResponse = z.infer<typeof StatusResponseSchema>;
