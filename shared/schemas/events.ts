import { z } from 'zod';
import { COMMAND_KINDS } from './commands';
import { CountSchema, IdSchema, IsoDateTimeSchema } from './common';

/** What the activity of a license records: the portal's commands, activations and the vendor's changes. */
export const LICENSE_EVENT_KINDS = [
  'device.activate',
  ...COMMAND_KINDS,
  'license.create',
  'license.change',
  'license.lift_deactivation_limit',
  'user.make_manager',
  'user.dismiss_manager',
] as const;
export type LicenseEventKind = (typeof LICENSE_EVENT_KINDS)[number];

/** One recorded event: who did what to the license, when. `kind` may be newer than this client. */
const LicenseEventSchema = z.object({
  id: CountSchema,
  licenseId: IdSchema,
  at: IsoDateTimeSchema,
  /** The user's email, or "vendor" for a change the vendor made. */
  actor: z.string(),
  byVendor: z.boolean(),
  kind: z.string(),
  /** What changed, per kind (e.g. the device's hostname, the user's email, the new limits). */
  detail: z.record(z.string(), z.unknown()),
});
export type LicenseEvent = z.infer<typeof LicenseEventSchema>;

/** A page of events, newest first; `nextBefore` asks for the page after it (null: no more). */
export const EventsResponseSchema = z.object({
  events: z.array(LicenseEventSchema),
  nextBefore: z.nullable(CountSchema),
});
export type EventsResponse = z.infer<typeof EventsResponseSchema>;

/** A whole number from a query string ("50"), within bounds. */
const queryInt = (min: number, max: number) =>
  z.coerce.number().check(z.refine(Number.isInteger, 'must be a whole number'), z.gte(min), z.lte(max));

/** `GET /licenses/:id/events?before=&limit=&kind=` */
/** Event ids are 32-bit integers on PostgreSQL: a bigger cursor could only be made up. */
const MAX_EVENT_ID = 2 ** 31 - 1;

export const EventsQuerySchema = z.object({
  before: z.optional(queryInt(1, MAX_EVENT_ID)),
  limit: z._default(queryInt(1, 200), 50),
  kind: z.optional(z.enum(LICENSE_EVENT_KINDS)),
});
export type EventsQuery = z.infer<typeof EventsQuerySchema>;

/**
 * How much of one activity view (a license, all kinds or one) the cache holds without a gap: every
 * event of the view with an id from `reach` up was read from the server since `fetchedAt` (null:
 * nothing yet). `nextBefore` continues it ("Load more"); null: it reaches the license's first event.
 */
export const EventsReachSchema = z.object({
  reach: z.nullable(CountSchema),
  nextBefore: z.nullable(CountSchema),
  fetchedAt: IsoDateTimeSchema,
});
export type EventsReach = z.infer<typeof EventsReachSchema>;

/** The meta key of one activity view's reach: `events:<licenseId>:<kind or all>`. */
export const eventsReachKey = (licenseId: string, kind: LicenseEventKind | null) =>
  `events:${licenseId}:${kind ?? 'all'}` as const;
