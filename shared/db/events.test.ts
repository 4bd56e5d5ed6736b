import { describe, expect, it } from 'vitest';
import type { LicenseEvent } from '../schemas';
import { PortalDb } from './database';
import { clearCache } from './cache';
import { readEvents, readEventsReach, storeEventsPage, type EventsView } from './events';

const at = '2030-01-01T00:00:00.000Z';
const ALL: EventsView = { licenseId: 'lic-1', kind: null };
const event = (id: number, kind = 'device.reset'): LicenseEvent => ({
  id,
  licenseId: 'lic-1',
  at,
  actor: 'dev@codeglass.example',
  byVendor: false,
  kind,
  detail: {},
});
/** A page newest first, as the server answers: `more` when older events remain. */
const page = (ids: number[], more: boolean) => ({
  events: ids.map((id) => event(id)),
  nextBefore: more ? ids.at(-1)! : null,
});
const ids = async (db: PortalDb, view = ALL) => (await readEvents(db, view)).map((e) => e.id);
const fresh = () => new PortalDb(`events-${Math.random()}`);

describe('the activity cache', () => {
  it('shows the loaded pages newest first and says whether more can be loaded', async () => {
    const db = fresh();
    expect(await readEventsReach(db, ALL)).toBeNull();
    await storeEventsPage(db, ALL, page([20, 18, 15], true), 'first', at);
    expect(await ids(db)).toEqual([20, 18, 15]);
    expect((await readEventsReach(db, ALL))?.nextBefore).toBe(15);
    await storeEventsPage(db, ALL, page([12, 4], false), 'more', at);
    expect(await ids(db)).toEqual([20, 18, 15, 12, 4]);
    expect((await readEventsReach(db, ALL))?.nextBefore).toBeNull();
  });

  it('joins a newer first page to what is cached, and keeps where "Load more" goes on', async () => {
    const db = fresh();
    await storeEventsPage(db, ALL, page([20, 18, 15], true), 'first', at);
    await storeEventsPage(db, ALL, page([12, 10], true), 'more', at);
    await storeEventsPage(db, ALL, page([25, 22, 20], true), 'first', at);
    expect(await ids(db)).toEqual([25, 22, 20, 18, 15, 12, 10]);
    expect((await readEventsReach(db, ALL))?.nextBefore).toBe(10);
  });

  it('never shows a gap: when events happened between the cached ones and the new page, it starts from that page', async () => {
    const db = fresh();
    await storeEventsPage(db, ALL, page([10, 8], true), 'first', at);
    await storeEventsPage(db, ALL, page([40, 35], true), 'first', at);
    expect(await ids(db)).toEqual([40, 35]);
    await storeEventsPage(db, ALL, page([30, 12], true), 'more', at);
    await storeEventsPage(db, ALL, page([9], false), 'more', at);
    expect(await ids(db)).toEqual([40, 35, 30, 12, 10, 9, 8]);
  });

  it('keeps a view per kind, and forgets every event when the cache is cleared', async () => {
    const db = fresh();
    const resets: EventsView = { licenseId: 'lic-1', kind: 'user.assign' };
    await storeEventsPage(db, resets, { events: [event(7, 'user.assign')], nextBefore: null }, 'first', at);
    await storeEventsPage(db, ALL, page([9, 8], true), 'first', at);
    expect(await ids(db, resets)).toEqual([7]);
    expect(await ids(db)).toEqual([9, 8]);
    await clearCache(db);
    expect(await ids(db, resets)).toEqual([]);
    expect(await readEventsReach(db, ALL)).toBeNull();
  });
});
