import { describe, expect, it } from 'vitest';
import type { Device } from '../schemas';
import { storeDevices, wholeList } from './cache';
import { PortalDb } from './database';
import { devicesInChunks, devicesInOrder, firstDevices } from './first-screen';

const device = (id: string, hostname: string, active = true, licenseId = 'lic-1') =>
  ({ id, licenseId, hostname, active }) as Device;

async function withDevices(devices: Device[]): Promise<PortalDb> {
  const db = new PortalDb(`first-screen-${Math.random().toString(36).slice(2)}`);
  await storeDevices(
    db,
    'lic-1',
    wholeList(devices.filter((d) => d.licenseId === 'lic-1')),
    '2030-01-01T00:00:00.000Z',
  );
  await storeDevices(
    db,
    'lic-2',
    wholeList(devices.filter((d) => d.licenseId === 'lic-2')),
    '2030-01-01T00:00:00.000Z',
  );
  return db;
}

describe('a license`s devices by index', () => {
  it('reads the first screen and the count without the rest', async () => {
    const db = await withDevices([device('a', 'c-host'), device('b', 'a-host', false), device('c', 'b-host')]);
    expect(await firstDevices(db, 'lic-1', 2)).toEqual({
      rows: [expect.objectContaining({ id: 'c' }), expect.objectContaining({ id: 'a' })],
      total: 3,
    });
  });

  it('reads a whole list a chunk at a time, every row once, in the default order, also where hostnames repeat', async () => {
    const devices = [
      ...Array.from({ length: 7 }, (_, i) => device(`same-${i}`, 'same-host')),
      ...Array.from({ length: 11 }, (_, i) => device(`d-${i}`, `host-${String(i).padStart(2, '0')}`, i % 4 !== 0)),
      device('other', 'host-00', true, 'lic-2'),
    ];
    const db = await withDevices(devices);
    const inOrder = (await devicesInOrder(db, 'lic-1')).map((d) => d.id);
    for (const chunk of [1, 2, 3, 5, 100]) {
      const ids = (await devicesInChunks(db, 'lic-1', { chunk })).map((d) => d.id);
      expect(ids, `chunks of ${chunk}`).toEqual(inOrder);
    }
    expect(inOrder).toHaveLength(18);
  });
});
