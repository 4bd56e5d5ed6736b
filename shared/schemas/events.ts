import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';

/** What the activity of a license records: the portal's commands, activations and the vendor's changes. */
export const LICENSE_EVENT_KINDS = [
  'device.activate',
  'device.reset',
  'license.reset',
  'user.assign',
  'user.unassign',
  'user.reset_password',
  'license.create',
  'license.change',
  'license.lift_deactivation_limit',
  'user.make_manager',
] as const;
export type LicenseEventKind = (typeof LICENSE_EVENT_KINDS)[number];

/** One recorded event: who did what to the license, when. `kind` may be newer than this client. */
export const LicenseEventSchema = z.object({
  id: z.number().int().min(1),
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
  nextBefore: z.number().int().nullable(),
});
export type EventsResponse = z.infer<typeof EventsResponseSchema>;

/** `GET /licenses/:id/events?before=&limit=&kind=` */
export const EventsQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  kind: z.enum(LICENSE_EVENT_KINDS).optional(),
});
export type EventsQuery = z.infer<typeof EventsQuerySchema>;
