import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import { readCursor, fetchedAtMap, storeDevices, wholeList } from './cache';
import { finishArrival, storeArrivedDevices } from './arrival';
import { PortalDb } from './database';

const at = '2030-01-01T00:00:00.000Z';
const device = (id: string, over: Partial<Device> = {}) =>
  ({ id, licenseId: 'lic-1', hostname: id, active: true, ...over }) as Device;
const freshDb = () => new PortalDb(`arrival-${Math.random().toString(36).slice(2)}`);

describe('a whole list stored as it arrives', () => {
  it('writes only the rows that changed, then drops the rows the list no longer holds and keeps its cursor', async () => {
    const db = freshDb();
    await storeDevices(db, 'lic-1', wholeList([device('d-1'), device('d-2'), device('d-old')]), at);
    expect(await storeArrivedDevices(db, 'lic-1', [device('d-1'), device('d-2', { active: false })])).toBe(1);
    expect(await storeArrivedDevices(db, 'lic-1', [device('d-3')])).toBe(1);
    expect(await finishArrival(db, 'devices', 'lic-1', new Set(['d-1', 'd-2', 'd-3']), 'c-5', at)).toBe(1);
    const rows = await db.devices.orderBy('id').toArray();
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['d-1', 'active'],
      ['d-2', 'inactive'],
      ['d-3', 'active'],
    ]);
    expect(await readCursor(db, 'devices', 'lic-1')).toBe('c-5');
    expect(await fetchedAtMap(db)).toMatchObject({ 'devices:lic-1': at });
  });
});
