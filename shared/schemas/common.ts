import { z } from 'zod';
import { ERROR_CODES, isHttpUrl, LICENSE_STATUSES, LICENSE_TYPES, ROLES, SUBSCRIPTION_KINDS } from '../domain';

/**
 * For text the server stores or looks up: PostgreSQL cannot hold a NUL character (U+0000) in
 * text, and no id, name or machine needs one, so it is bad input, refused with the field named.
 */
export const withoutNul = () =>
  z.refine<string>((value) => !value.includes('\u0000'), 'must not contain a NUL character');

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64), withoutNul());
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const EmailSchema = z.email().check(z.maxLength(254));
export const NameSchema = z.string().check(z.trim(), z.maxLength(100), withoutNul());
/**
 * An absolute http:// or https:// URL (a link the apps open; never `javascript:` and the like).
 * The domain's check, not z.url: the same rule everywhere, and the first page loads less code.
 */
export const HttpUrlSchema = z.string().check(z.maxLength(2000), z.refine(isHttpUrl, 'use an http:// or https:// URL'));

export const SubscriptionKindSchema = z.enum(SUBSCRIPTION_KINDS);
export const LicenseTypeSchema = z.enum(LICENSE_TYPES);
export const LicenseStatusSchema = z.enum(LICENSE_STATUSES);
export const RoleSchema = z.enum(ROLES);
export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** A whole number, 0 or more. */
export const CountSchema = z.int().check(z.gte(0));

/** A counter against its limit (max null = unlimited). */
export const CounterSchema = z.object({ used: CountSchema, max: z.nullable(CountSchema) });
export type Counter = z.infer<typeof CounterSchema>;

/** Every error the API returns. `code` may be newer than this client knows, so it is a string. */
export const ApiErrorSchema = z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) });
