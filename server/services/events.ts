import type { EventsQuery, EventsResponse } from '@shared/schemas';
import { licenseEvents } from '../db/audit';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { accessLicense } from './access';

/**
 * The activity of a license, newest first, one page at a time: a manager sees every event of the
 * license, a license user only what they did themself. A license the caller may not see is 404.
 */
export async function listEvents(
  deps: AppDeps,
  user: UserRow,
  licenseId: string,
  query: EventsQuery,
): Promise<EventsResponse> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  // One more than asked tells whether a next page exists, without a count.
  const rows = await licenseEvents(kysely, {
    licenseId: row.id,
    ...(isManager ? {} : { actorUserId: user.id }),
    ...(query.before !== undefined ? { before: query.before } : {}),
    ...(query.kind ? { action: query.kind } : {}),
    limit: query.limit + 1,
  });
  const events = rows.slice(0, query.limit);
  return { events, nextBefore: rows.length > query.limit ? events.at(-1)!.id : null };
}
