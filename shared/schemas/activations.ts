import { z } from 'zod';
import { IdSchema } from './common';
import { DeviceSchema, LicenseSchema } from './licenses';

/** The licensed product activating itself on a machine. */
export const ActivationRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: z.string().trim().min(1).max(200),
  hostname: z.string().trim().min(1).max(255),
  os: z.string().trim().min(1).max(100),
});
export type ActivationRequest = z.infer<typeof ActivationRequestSchema>;

export const ActivationResponseSchema = z.object({ device: DeviceSchema });

export const ActivationCheckRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: z.string().trim().min(1).max(200),
});
export const ActivationCheckResponseSchema = z.object({ active: z.boolean(), license: LicenseSchema });
