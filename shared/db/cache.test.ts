import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import { clearCache, fetchedAtMap, readCursor, storeDevices, storeFetched, wholeList } from './cache';
import { PortalDb } from './database';
import { countIdbWork } from './testing/count-idb-work';

const at = '2030-01-01T00:00:00.000Z';
const later = '2030-01-02T00:00:00.000Z';
const device = (id: string, licenseId: string, over: Partial<Device> = {}) =>
  ({ id, licenseId, hostname: id, active: true, ...over }) as Device;
const freshDb = () => new PortalDb(`cache-${Math.random().toString(36).slice(2)}`);
const ids = async (db: PortalDb) => (await db.devices.toArray()).map((d) => d.id).sort();

describe('the cache writes', () => {
  it('replace one license`s devices, leave the other licenses` alone, and stamp only what was fetched', async () => {
    const db = freshDb();
    await storeFetched(
      db,
      {
        devices: new Map([
          ['lic-1', wholeList([device('d-1', 'lic-1')])],
          ['lic-2', wholeList([device('d-2', 'lic-2')])],
        ]),
      },
      at,
    );
    await storeDevices(db, 'lic-1', wholeList([device('d-3', 'lic-1')]), later);
    expect(await ids(db)).toEqual(['d-2', 'd-3']);
    expect(await fetchedAtMap(db)).toEqual({ 'devices:lic-1': later, 'devices:lic-2': at });
  });

  it('store a whole pull (licenses, devices, users) in one transaction', async () => {
    const db = freshDb();
    const work = countIdbWork(db);
    await db.open();
    work.reset();
    await storeFetched(
      db,
      {
        licenses: [],
        devices: new Map([['lic-1', wholeList([device('d-1', 'lic-1')])]]),
        users: new Map([['lic-1', wholeList([])]]),
      },
      at,
    );
    expect(work.snapshot().readwrite).toBe(1);
    expect(Object.keys(await fetchedAtMap(db)).sort()).toEqual(['devices:lic-1', 'licenses', 'users:lic-1']);
  });

  it('apply a delta in one transaction: changed rows put, removed rows gone, the cursor kept with the age', async () => {
    const db = freshDb();
    const work = countIdbWork(db);
    await storeDevices(
      db,
      'lic-1',
      { ...wholeList([device('d-1', 'lic-1'), device('d-2', 'lic-1'), device('d-3', 'lic-1')]), cursor: 'c-1' },
      at,
    );
    work.reset();
    const written = await storeDevices(
      db,
      'lic-1',
      {
        rows: [device('d-2', 'lic-1', { active: false }), device('d-4', 'lic-1')],
        removed: ['d-3'],
        cursor: 'c-2',
        full: false,
      },
      later,
    );
    expect(work.snapshot().readwrite).toBe(1);
    expect(written).toBe(3);
    expect(await ids(db)).toEqual(['d-1', 'd-2', 'd-4']);
    expect((await db.devices.get('d-2'))?.active).toBe(false);
    expect(await readCursor(db, 'devices', 'lic-1')).toBe('c-2');
    expect(await fetchedAtMap(db)).toEqual({ 'devices:lic-1': later });
  });

  it('rewrite only the rows a whole list changes, and forget the cursor when the answer has none', async () => {
    const db = freshDb();
    const rows = [device('d-1', 'lic-1'), device('d-2', 'lic-1')];
    await storeDevices(db, 'lic-1', { ...wholeList(rows), cursor: 'c-1' }, at);
    expect(await storeDevices(db, 'lic-1', wholeList(rows.map((r) => ({ ...r }))), later)).toBe(0);
    expect(await readCursor(db, 'devices', 'lic-1')).toBeNull(); // the server cannot continue: ask for all next time
    expect(await storeDevices(db, 'lic-1', wholeList([device('d-2', 'lic-1', { hostname: 'renamed' })]), later)).toBe(
      2,
    );
    expect(await ids(db)).toEqual(['d-2']);
    expect((await db.devices.get('d-2'))?.hostname).toBe('renamed');
  });

  it('forget rows, ages and cursors on sign-out, and keep the outbox', async () => {
    const db = freshDb();
    await storeDevices(db, 'lic-1', { ...wholeList([device('d-1', 'lic-1')]), cursor: 'c-1' }, at);
    await db.meta.put({ key: 'clientId', value: 'kept' });
    await clearCache(db);
    expect(await ids(db)).toEqual([]);
    expect(await readCursor(db, 'devices', 'lic-1')).toBeNull();
    expect(await fetchedAtMap(db)).toEqual({});
    expect((await db.meta.get('clientId'))?.value).toBe('kept');
  });
});
