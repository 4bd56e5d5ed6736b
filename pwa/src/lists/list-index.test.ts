import { describe, expect, it } from 'vitest';
import { PortalDb, storeDevices, wholeList } from '@shared/db';
import type { Device, OutboxRow } from '@shared/schemas';
import { aDevice } from '../testing/fixtures';
import { DEVICE_INDEX } from './device-list';
import { ListIndex, type ListIndexSpec } from './list-index';
import { createListService, type ListWindow, type PlainQuery } from './list-service';

const newIndex = () => new ListIndex(DEVICE_INDEX as unknown as ListIndexSpec<Device, string, string>);
const query = (over: Partial<PlainQuery> = {}): PlainQuery => ({
  q: '',
  status: 'all',
  sort: 'status',
  dir: 'asc',
  ...over,
});
const hosts = (rows: readonly { hostname: string }[]) => rows.map((d) => d.hostname);
const devices = Array.from({ length: 300 }, (_, i) =>
  aDevice({
    id: `d-${i}`,
    hostname: `host-${String(i).padStart(3, '0')}`,
    os: i % 2 ? 'Windows 11' : 'Ubuntu 24.04',
    active: i % 3 !== 0,
  }),
);

describe('a list`s own index', () => {
  it('filters, sorts and hands out a window of the answer, the count of all that match', () => {
    const index = newIndex();
    index.setRows(devices);
    expect(index.count(query())).toBe(300);
    // Active first, then by hostname: the first inactive one is host-000.
    expect(hosts(index.window(query(), 199, 201))).toEqual(['host-299', 'host-000']);
    expect(index.count(query({ q: 'HOST-1' }))).toBe(100);
    expect(hosts(index.window(query({ q: 'host-1', sort: 'hostname', dir: 'desc' }), 0, 3))).toEqual([
      'host-199',
      'host-198',
      'host-197',
    ]);
    expect(index.count(query({ q: 'ubuntu', status: 'inactive' }))).toBe(50);
    expect(index.window(query({ q: 'nothing like it' }), 0, 10)).toEqual([]);
  });

  it('answers each keystroke the same whether it extends the last filter or not', () => {
    const index = newIndex();
    index.setRows(devices);
    const typed = ['h', 'ho', 'host-1', 'host-12', 'host-123', 'host-12', 'host-1', '1'];
    for (const q of typed) {
      const fresh = newIndex();
      fresh.setRows(devices);
      expect(hosts(index.window(query({ q }), 0, 300))).toEqual(hosts(fresh.window(query({ q }), 0, 300)));
    }
    // New rows: the last answer is not reused.
    index.setRows(devices.slice(0, 10));
    expect(index.count(query({ q: 'host-00' }))).toBe(10);
    expect(index.count(query({ q: 'host-001' }))).toBe(1);
  });
});

describe('the list service (what the worker runs)', () => {
  const freshDb = async () => {
    const db = new PortalDb(`lists-${Math.random().toString(36).slice(2)}`);
    await storeDevices(db, devices[0]!.licenseId, wholeList(devices), '2030-01-01T00:00:00.000Z');
    return db;
  };
  const reset = (deviceId: string) =>
    ({
      kind: 'device.reset',
      payload: { deviceId },
      seq: 1,
      opId: '0190a0b0-0000-7000-8000-000000000001',
      clientId: 'c',
      userId: 'u',
      licenseId: devices[0]!.licenseId,
      createdAt: '2030-01-02T00:00:00.000Z',
    }) as OutboxRow;

  it('reads a license`s devices from the cache, shows pending resets, and reads again when told', async () => {
    const db = await freshDb();
    const service = createListService(async () => db);
    const ask = (q: PlainQuery) =>
      service.handle({
        type: 'query',
        kind: 'devices',
        licenseId: devices[0]!.licenseId,
        query: q,
        start: 0,
        end: 5,
      }) as Promise<ListWindow<{ hostname: string; active: boolean }>>;
    expect((await ask(query({ status: 'active' }))).count).toBe(200);
    await service.handle({
      type: 'pending',
      kind: 'devices',
      licenseId: devices[0]!.licenseId,
      pending: [reset('d-1')],
    });
    const active = await ask(query({ status: 'active' }));
    expect(active.count).toBe(199);
    expect(active.total).toBe(300);
    await db.devices.delete('d-2');
    expect((await ask(query())).total).toBe(300); // not told yet
    await service.handle({ type: 'refresh', kind: 'devices', licenseId: devices[0]!.licenseId, pending: [] });
    const after = await ask(query({ status: 'active' }));
    expect([after.total, after.count]).toEqual([299, 199]);
  });

  it('reads the list once for a page that asks as it opens, and again only when told it changed', async () => {
    const db = await freshDb();
    const service = createListService(async () => db);
    const licenseId = devices[0]!.licenseId;
    const reads = () => performance.getEntriesByName('lists.read devices').length;
    const before = reads();
    const opened = Date.now();
    const ask = () =>
      service.handle({ type: 'query', kind: 'devices', licenseId, query: query({ q: 'host-12' }), start: 0, end: 5 });
    await ask();
    await service.handle({ type: 'refresh', kind: 'devices', licenseId, pending: [], since: opened });
    expect(reads() - before).toBe(1);
    expect(await ask()).toMatchObject({ count: 10, total: 300 });
    await db.devices.delete('d-120');
    await service.handle({ type: 'refresh', kind: 'devices', licenseId, pending: [] });
    expect(reads() - before).toBe(2);
    expect(await ask()).toMatchObject({ count: 9, total: 299 });
  });

  it('writes the rows a filter shows as CSV, a chunk at a time, the header once', async () => {
    const db = await freshDb();
    const service = createListService(async () => db, { csvChunk: 40 });
    const chunks: string[] = [];
    const count = await service.handle(
      {
        type: 'csv',
        kind: 'devices',
        licenseId: devices[0]!.licenseId,
        query: query({ q: 'ubuntu' }),
        license: null,
        now: '2030-01-02T00:00:00.000Z',
      },
      (text) => chunks.push(text),
    );
    expect(count).toBe(150);
    const lines = chunks.join('').split('\r\n');
    expect(lines[0]).toMatch(/^hostname,os,user/);
    expect(lines).toHaveLength(151);
    expect(chunks).toHaveLength(4);
    expect(lines.filter((l) => l.startsWith('hostname'))).toHaveLength(1);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(150);
  });
});
