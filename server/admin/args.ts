import { LICENSE_STATUSES, LICENSE_TYPES, SUBSCRIPTION_KINDS } from '@shared/domain';
import { EmailSchema, IsoDateTimeSchema } from '@shared/schemas';
import { UsageError } from '../command-line/errors';
import type { Flags } from '../command-line/run';

/** A bad command line: the CLI prints it with the usage and exits 2. */
export { UsageError, type Flags };

export function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

export function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** An email address the sign-in form and the API accept (the same shared schema). */
export function email(name: string, value: string): string {
  if (!EmailSchema.safeParse(value).success)
    throw new UsageError(`--${name} must be an email address (got "${value}")`);
  return value;
}

/** A whole number >= 0. */
export function count(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number >= 0 (got "${value}")`);
  return Number(value);
}

/** A limit: a whole number, or "unlimited" (stored as null). */
export function limit(name: string, value: string): number | null {
  return value.toLowerCase() === 'unlimited' ? null : count(name, value);
}

/** An ISO date-time (or a date, taken as midnight UTC), or "never". */
export function validity(name: string, value: string): string | null {
  if (value.toLowerCase() === 'never') return null;
  const candidate = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  if (!IsoDateTimeSchema.safeParse(candidate).success || Number.isNaN(Date.parse(candidate))) {
    throw new UsageError(
      `--${name} must be an ISO date such as 2027-01-31 or 2027-01-31T00:00:00Z, or "never" (got "${value}")`,
    );
  }
  return new Date(candidate).toISOString();
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export const kinds = SUBSCRIPTION_KINDS;
export const types = LICENSE_TYPES;
export const statuses = LICENSE_STATUSES;
