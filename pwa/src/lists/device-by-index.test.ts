import { describe, expect, it } from 'vitest';
import { PortalDb, storeDevices, wholeList } from '@shared/db';
import type { Device } from '@shared/schemas';
import { aDevice } from '../testing/fixtures';
import { devicesByIndex } from './device-by-index';
import { DEVICE_INDEX } from './device-list';
import { ListIndex, type ListIndexSpec } from './list-index';
import type { PlainQuery } from './list-service';

const devices = Array.from({ length: 300 }, (_, i) =>
  aDevice({
    id: `d-${i}`,
    hostname: i === 7 ? 'build-host-123' : `host-${String(i).padStart(3, '0')}`,
    os: i % 2 ? 'Windows 11' : 'Ubuntu 24.04',
    active: i % 3 !== 0,
  }),
);
const licenseId = devices[0]!.licenseId;
const query = (over: Partial<PlainQuery> = {}): PlainQuery => ({
  q: '',
  status: 'all',
  sort: 'status',
  dir: 'asc',
  ...over,
});
const hosts = (rows: readonly { hostname: string }[]) => rows.map((d) => d.hostname);

async function withDevices(): Promise<PortalDb> {
  const db = new PortalDb(`by-index-${Math.random().toString(36).slice(2)}`);
  await storeDevices(db, licenseId, wholeList(devices), '2030-01-01T00:00:00.000Z');
  return db;
}
/** The whole list's answer, as the list's own index gives it once it has read every row. */
function whole(q: PlainQuery, end: number) {
  const index = new ListIndex(DEVICE_INDEX as unknown as ListIndexSpec<Device, string, string>);
  index.setRows(devices);
  return { rows: index.window(q, 0, end), count: index.count(q) };
}

describe('a Devices query read by the cache`s index, before the list`s own index has every row', () => {
  it('answers a screen of every status or hostname order exactly, counted by index', async () => {
    const db = await withDevices();
    for (const q of [
      query(),
      query({ dir: 'desc' }),
      query({ sort: 'hostname' }),
      query({ sort: 'hostname', dir: 'desc' }),
      query({ status: 'inactive', sort: 'hostname', dir: 'desc' }),
    ]) {
      const early = await devicesByIndex(db, licenseId, q, 40, (rows) => rows);
      const expected = whole(q, 40);
      expect(hosts(early!.rows), JSON.stringify(q)).toEqual(hosts(expected.rows));
      expect([early!.count, early!.partial]).toEqual([expected.count, false]);
    }
  });

  it('answers filter text with the hostnames starting with it, in any case, as the answer so far', async () => {
    const db = await withDevices();
    const early = await devicesByIndex(db, licenseId, query({ q: 'HOST-12', sort: 'hostname' }), 40, (rows) => rows);
    // The list's index finds build-host-123 too (the text inside a hostname): that waits for it.
    expect(hosts(whole(query({ q: 'host-12', sort: 'hostname' }), 40).rows)).toContain('build-host-123');
    expect(hosts(early!.rows)).toEqual(Array.from({ length: 10 }, (_, i) => `host-12${i}`));
    expect(early!.partial).toBe(true);
    // By another column too, when every hostname that starts with it fits a screen.
    const byOs = await devicesByIndex(db, licenseId, query({ q: 'host-12', sort: 'os' }), 40, (rows) => rows);
    expect(byOs!.rows.map((d) => d.os)).toEqual([...Array(5).fill('Ubuntu 24.04'), ...Array(5).fill('Windows 11')]);
  });

  it('leaves to the list`s index what the cache`s index cannot answer, and applies the commands not sent yet', async () => {
    const db = await withDevices();
    expect(await devicesByIndex(db, licenseId, query({ sort: 'os' }), 40, (rows) => rows)).toBeNull();
    expect(await devicesByIndex(db, licenseId, query({ q: 'host', sort: 'os' }), 40, (rows) => rows)).toBeNull();
    const reset = (rows: Device[]) => rows.map((d) => (d.hostname === 'host-121' ? { ...d, active: false } : d));
    const early = await devicesByIndex(db, licenseId, query({ q: 'host-12', status: 'active' }), 40, reset);
    expect(hosts(early!.rows)).not.toContain('host-121');
    expect(hosts(early!.rows)).toContain('host-122');
  });
});
