import { z } from 'zod';
import { IdSchema, withoutNul } from './common';
import { DeviceSchema, LicenseSchema } from './licenses';

/** The machine's id as the licensed product gives it (activation, check-in, `?device=` on a portal link). */
export const HardwareIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), withoutNul());

/** The licensed product activating itself on a machine. */
export const ActivationRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: HardwareIdSchema,
  hostname: z.string().check(z.trim(), z.minLength(1), z.maxLength(255), withoutNul()),
  os: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), withoutNul()),
});
export type ActivationRequest = z.infer<typeof ActivationRequestSchema>;

/**
 * `certificate`: the device certificate, a compact JWS (EdDSA) signed by the server's key, carrying
 * the vendor's license file; null while the company has no signed license file.
 */
export const ActivationResponseSchema = z.object({ device: DeviceSchema, certificate: z.nullable(z.string()) });

export const ActivationCheckRequestSchema = z.object({
  licenseId: IdSchema,
  hardwareId: HardwareIdSchema,
});
/**
 * A check-in's answer. `certificate`: a fresh device certificate while the device is active and the
 * license usable (the product renews its certificate so), else null; optional: older servers send none.
 */
export const ActivationCheckResponseSchema = z.object({
  active: z.boolean(),
  license: LicenseSchema,
  certificate: z.optional(z.nullable(z.string())),
});
