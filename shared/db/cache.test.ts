import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import { fetchedAtMap, storeDevices, storeFetched } from './cache';
import { PortalDb } from './database';
import { countIdbWork } from './testing/count-idb-work';

const at = '2030-01-01T00:00:00.000Z';
const later = '2030-01-02T00:00:00.000Z';
const device = (id: string, licenseId: string) => ({ id, licenseId, hostname: id }) as Device;
const freshDb = () => new PortalDb(`cache-${Math.random().toString(36).slice(2)}`);

describe('the cache writes', () => {
  it('replace one license`s devices, leave the other licenses` alone, and stamp only what was fetched', async () => {
    const db = freshDb();
    await storeFetched(
      db,
      {
        devices: new Map([
          ['lic-1', [device('d-1', 'lic-1')]],
          ['lic-2', [device('d-2', 'lic-2')]],
        ]),
      },
      at,
    );
    await storeDevices(db, 'lic-1', [device('d-3', 'lic-1')], later);
    expect((await db.devices.toArray()).map((d) => d.id).sort()).toEqual(['d-2', 'd-3']);
    expect(await fetchedAtMap(db)).toEqual({ 'devices:lic-1': later, 'devices:lic-2': at });
  });

  it('store a whole pull (licenses, devices, users) in one transaction', async () => {
    const db = freshDb();
    const work = countIdbWork(db);
    await db.open();
    work.reset();
    await storeFetched(
      db,
      { licenses: [], devices: new Map([['lic-1', [device('d-1', 'lic-1')]]]), users: new Map([['lic-1', []]]) },
      at,
    );
    expect(work.snapshot().readwrite).toBe(1);
    expect(Object.keys(await fetchedAtMap(db)).sort()).toEqual(['devices:lic-1', 'licenses', 'users:lic-1']);
  });
});
