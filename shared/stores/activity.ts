import { defineStore } from 'pinia';
import { effectScope, reactive } from 'vue';
import { keyedSlot, trackLoad, type ApiFailure, type LoadStatus } from '../api';
import { readEvents, readEventsReach, storeEventsPage, type EventsView } from '../db';
import type { EventsReach, LicenseEvent, LicenseEventKind } from '../schemas';
import { useLive, type Live } from '../composables/live';
import { usePortal } from '../composables/portal';
import { useSessionStore } from './session';

/** Events per page the tab asks for. */
const EVENTS_PAGE = 50;

interface Cached {
  events: LicenseEvent[];
  reach: EventsReach | null;
}

/**
 * A license's activity (every kind, or one), newest first, from the cache at once (so the tab
 * reads offline), refreshed from the server on `load` and extended by `loadMore`. Each view is
 * followed live in Dexie from the first time anything asks for it.
 */
export const useActivityStore = defineStore('activity', () => {
  const { database, api, now } = usePortal();
  const session = useSessionStore();
  const statuses = reactive<Record<string, LoadStatus>>({});
  const errors = reactive<Record<string, ApiFailure | null>>({});
  const scope = effectScope();
  const followed = new Map<string, Live<Cached>>();

  const keyOf = (view: EventsView) => `${view.licenseId}:${view.kind ?? 'all'}`;
  const viewOf = (licenseId: string, kind: LicenseEventKind | null): EventsView => ({ licenseId, kind });

  function follow(view: EventsView): Live<Cached> {
    const key = keyOf(view);
    let live = followed.get(key);
    if (!live) {
      live = scope.run(() =>
        useLive<Cached>(
          database,
          async (db) => {
            const [events, reach] = await Promise.all([readEvents(db, view), readEventsReach(db, view)]);
            return { events, reach };
          },
          { events: [], reach: null },
        ),
      )!;
      followed.set(key, live);
    }
    return live;
  }

  /** The view's events, newest first: every one from the newest down to the oldest loaded. */
  const eventsFor = (licenseId: string, kind: LicenseEventKind | null) =>
    follow(viewOf(licenseId, kind)).value.value.events;
  /** Older events exist that this device has not loaded ("Load more"). */
  const hasMore = (licenseId: string, kind: LicenseEventKind | null) =>
    follow(viewOf(licenseId, kind)).value.value.reach?.nextBefore != null;
  const fetchedAtFor = (licenseId: string, kind: LicenseEventKind | null) =>
    follow(viewOf(licenseId, kind)).value.value.reach?.fetchedAt ?? null;
  const statusFor = (licenseId: string, kind: LicenseEventKind | null): LoadStatus =>
    statuses[keyOf(viewOf(licenseId, kind))] ?? 'idle';
  const errorFor = (licenseId: string, kind: LicenseEventKind | null): ApiFailure | null =>
    errors[keyOf(viewOf(licenseId, kind))] ?? null;

  /** One page from the server into the cache: the newest (`first`), or the one below what is loaded. */
  async function fetchPage(view: EventsView, position: 'first' | 'more'): Promise<void> {
    const live = follow(view);
    await live.ready;
    const before = position === 'more' ? (live.value.value.reach?.nextBefore ?? null) : null;
    if (position === 'more' && before === null) return;
    await trackLoad(
      { now, session },
      keyedSlot(statuses, errors, keyOf(view)),
      () => api.events(view.licenseId, { kind: view.kind, before, limit: EVENTS_PAGE }),
      async (page, startedAt) => {
        await storeEventsPage(await database(), view, page, position, startedAt);
        await live.refresh();
      },
    );
  }

  /** Show the cache at once, then the newest page from the server. */
  const load = (licenseId: string, kind: LicenseEventKind | null) => fetchPage(viewOf(licenseId, kind), 'first');
  /** The next older page. */
  const loadMore = (licenseId: string, kind: LicenseEventKind | null) => fetchPage(viewOf(licenseId, kind), 'more');

  return { statuses, errors, eventsFor, hasMore, fetchedAtFor, statusFor, errorFor, load, loadMore };
});
