import { z } from 'zod';
import { ERROR_CODES, LICENSE_STATUSES, LICENSE_TYPES, ROLES, SUBSCRIPTION_KINDS } from '../domain';

export const IdSchema = z.string().min(1).max(64);
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const EmailSchema = z.email().max(254);
export const NameSchema = z.string().trim().max(100);

export const SubscriptionKindSchema = z.enum(SUBSCRIPTION_KINDS);
export const LicenseTypeSchema = z.enum(LICENSE_TYPES);
export const LicenseStatusSchema = z.enum(LICENSE_STATUSES);
export const RoleSchema = z.enum(ROLES);
export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** A counter against its limit (max null = unlimited). */
export const CounterSchema = z.object({ used: z.number().int().min(0), max: z.number().int().min(0).nullable() });
export type Counter = z.infer<typeof CounterSchema>;

/** Every error the API returns. `code` may be newer than this client knows, so it is a string. */
export const ApiErrorSchema = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export type ApiError = z.infer<typeof ApiErrorSchema>;
