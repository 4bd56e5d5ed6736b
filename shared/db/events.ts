import Dexie from 'dexie';
import {
  EventsReachSchema,
  eventsReachKey,
  type EventsReach,
  type EventsResponse,
  type LicenseEvent,
  type LicenseEventKind,
} from '../schemas';
import type { PortalDb } from './database';
import { readMeta, writeMeta } from './meta';

/** One activity view: a license's events of every kind (`kind` null) or of one. */
export interface EventsView {
  licenseId: string;
  kind: LicenseEventKind | null;
}

/** How far the cache holds a view without a gap (null: never loaded on this device). */
export const readEventsReach = (db: PortalDb, view: EventsView): Promise<EventsReach | null> =>
  readMeta(db, eventsReachKey(view.licenseId, view.kind), EventsReachSchema);

/** A view's cached events from its reach up, newest first (nothing before it was ever loaded). */
export async function readEvents(db: PortalDb, view: EventsView): Promise<LicenseEvent[]> {
  const reach = await readEventsReach(db, view);
  if (reach?.reach == null) return [];
  const { licenseId, kind } = view;
  const range = kind
    ? db.events.where('[licenseId+kind+id]').between([licenseId, kind, reach.reach], [licenseId, kind, Dexie.maxKey])
    : db.events.where('[licenseId+id]').between([licenseId, reach.reach], [licenseId, Dexie.maxKey]);
  return range.reverse().toArray();
}

/**
 * Store one page of a view in one transaction. A page that ends the view (`nextBefore` null) makes
 * the cache hold all of it. The newest page (`first`) joins what is cached when it reaches down
 * to the newest cached event of the view; otherwise events happened in between that nobody read,
 * so the view starts again from this page (older cached events stay, and show again once "Load
 * more" reaches them). A `more` page continues the view below its reach.
 */
export async function storeEventsPage(
  db: PortalDb,
  view: EventsView,
  page: EventsResponse,
  position: 'first' | 'more',
  at: string,
): Promise<void> {
  await db.transaction('rw', db.events, db.meta, async () => {
    const before = await readEventsReach(db, view);
    let reach: Pick<EventsReach, 'reach' | 'nextBefore'> = {
      reach: page.events.at(-1)?.id ?? 0,
      nextBefore: page.nextBefore,
    };
    if (page.nextBefore === null) reach = { reach: 0, nextBefore: null };
    else if (position === 'first' && before?.reach != null) {
      const newestCached = (await readEvents(db, view))[0]?.id;
      const joins = newestCached !== undefined && reach.reach! <= newestCached;
      if (joins && before.reach <= reach.reach!) reach = { reach: before.reach, nextBefore: before.nextBefore };
    }
    await db.events.bulkPut(page.events);
    await writeMeta(db, eventsReachKey(view.licenseId, view.kind), EventsReachSchema, {
      ...reach,
      fetchedAt: position === 'first' ? at : (before?.fetchedAt ?? at),
    });
  });
}
