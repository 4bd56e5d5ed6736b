import { z } from 'zod';
import { IdSchema } from './common';
import { DeviceSchema, LicenseSchema } from './licenses';

/** The licensed product activating itself on a machine. */
export const ActivationRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  hostname: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)),
  os: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
});
export type ActivationRequest = z.infer<typeof ActivationRequestSchema>;

export const ActivationResponseSchema = z.object({ device: DeviceSchema });

export const ActivationCheckRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});
export const ActivationCheckResponseSchema = z.object({ active: z.boolean(), license: LicenseSchema });
