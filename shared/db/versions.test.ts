import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { fetchedAtMap } from './cache';
import { PortalDb } from './database';
import { DB_VERSION } from './versions';
import { devicesInOrder, devicesOfUser, firstDevices, ownsADevice } from './first-screen';

const at = '2030-01-01T00:00:00.000Z';
const v1Row = (seq: number, state: string, extra: Record<string, unknown> = {}) => ({
  seq,
  opId: `0190a0b0-0000-7000-8000-00000000000${seq}`,
  clientId: 'c1',
  kind: 'user.assign',
  payload: { licenseId: 'lic-1', email: `u${seq}@x.example`, initialPassword: 'Secret-Pass-123' },
  licenseId: 'lic-1',
  createdAt: at,
  state,
  ...extra,
});

describe('database versions', () => {
  it('is at version 5', () => {
    expect(DB_VERSION).toBe(5);
  });

  it('upgrades a v1 outbox (a state column per row) to v2 (derived states, settled folded in)', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = new PortalDb(name, { upTo: 1 });
    await v1.meta.put({ key: 'session', value: { token: 't'.repeat(24), user: { id: 'u-manager' } } });
    await v1.licenses.put({ id: 'lic-1', name: 'Kept' } as never);
    await v1
      .table('outbox')
      .bulkAdd([
        v1Row(1, 'applied', { settledAt: '2030-01-02T00:00:00.000Z' }),
        v1Row(2, 'rejected', { code: 'max_license_users_reached', message: 'Max license users number reached' }),
        v1Row(3, 'sending'),
        v1Row(4, 'queued', { userId: 'u-other' }),
      ]);
    v1.close();

    const v2 = new PortalDb(name, { upTo: 2 });
    await v2.open();
    expect(v2.verno).toBe(2);
    const rows = await v2.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.settled?.outcome ?? null)).toEqual(['applied', 'rejected', null, null]);
    expect(rows[0]?.settled?.settledAt).toBe('2030-01-02T00:00:00.000Z');
    expect(rows[1]?.settled).toMatchObject({ code: 'max_license_users_reached' });
    // The applied assign drops its initial password; the rejected one may be retried and keeps it.
    expect(rows.map((r) => (r.kind === 'user.assign' ? (r.payload.initialPassword ?? null) : null))).toEqual([
      null,
      'Secret-Pass-123',
      'Secret-Pass-123',
      'Secret-Pass-123',
    ]);
    expect(rows.map((r) => r.userId)).toEqual(['u-manager', 'u-manager', 'u-manager', 'u-other']);
    expect(rows.every((r) => !('state' in r))).toBe(true);
    expect(await v2.leases.count()).toBe(0);
    expect(await v2.outcomes.count()).toBe(0);
    expect((await v2.licenses.get('lic-1'))?.name).toBe('Kept');
    v2.close();
    await Dexie.delete(name);
  });

  it('upgrades a v2 cache to v3: every device gets its status as text and is read a screen at a time', async () => {
    const name = `migrate-${Math.random()}`;
    const v2 = new PortalDb(name, { upTo: 2 });
    const device = (id: string, hostname: string, active: boolean) => ({ id, licenseId: 'lic-1', hostname, active });
    await v2
      .table('devices')
      .bulkAdd([device('d-1', 'c-host', true), device('d-2', 'a-host', false), device('d-3', 'b-host', true)]);
    await v2.meta.put({ key: 'fetchedAt:devices:lic-1', value: at });
    await v2.outbox.add(v1Row(1, 'queued') as never);
    v2.close();

    const v3 = new PortalDb(name, { upTo: 3 });
    await v3.open();
    expect(v3.verno).toBe(3);
    expect((await v3.devices.orderBy('id').toArray()).map((d) => d.state)).toEqual(['active', 'inactive', 'active']);
    // Active first, then by hostname; the total counts them all.
    const first = await firstDevices(v3, 'lic-1', 2);
    expect(first.rows.map((d) => d.id)).toEqual(['d-3', 'd-1']);
    expect(first.total).toBe(3);
    expect((await firstDevices(v3, 'lic-1', 10)).rows.map((d) => d.id)).toEqual(['d-3', 'd-1', 'd-2']);
    expect((await devicesInOrder(v3, 'lic-1')).map((d) => d.id)).toEqual(['d-3', 'd-1', 'd-2']);
    expect(await fetchedAtMap(v3)).toEqual({ 'devices:lic-1': at });
    expect(await v3.outbox.count()).toBe(1);
    v3.close();
    await Dexie.delete(name);
  });

  it('upgrades a v3 outbox to v4: its commands stay single changes, batches and activity start empty', async () => {
    const name = `migrate-${Math.random()}`;
    const v3 = new PortalDb(name, { upTo: 3 });
    await v3.outbox.bulkAdd([
      { ...v1Row(1, 'queued'), userId: 'u-manager' } as never,
      { ...v1Row(2, 'queued'), userId: 'u-manager', groupId: 'stray' } as never,
    ]);
    v3.close();

    const v4 = new PortalDb(name, { upTo: 4 });
    await v4.open();
    expect(v4.verno).toBe(4);
    const rows = await v4.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ email: 'u1@x.example' }),
      expect.objectContaining({ email: 'u2@x.example' }),
    ]);
    expect(rows.every((r) => r.groupId === undefined)).toBe(true);
    expect(await v4.batches.count()).toBe(0);
    // The new indexes answer: a batch's commands by groupId, a license's events newest first.
    await v4.outbox.update(1, { groupId: 'g-1' });
    expect((await v4.outbox.where('groupId').equals('g-1').toArray()).map((r) => r.seq)).toEqual([1]);
    const event = (id: number, kind: string) => ({
      id,
      licenseId: 'lic-1',
      at,
      actor: 'a',
      byVendor: false,
      kind,
      detail: {},
    });
    await v4.events.bulkPut([event(3, 'device.reset'), event(7, 'user.assign'), event(9, 'device.reset')]);
    const resets = await v4.events
      .where('[licenseId+kind+id]')
      .between(['lic-1', 'device.reset', 0], ['lic-1', 'device.reset', Dexie.maxKey])
      .reverse()
      .toArray();
    expect(resets.map((e) => e.id)).toEqual([9, 3]);
    v4.close();
    await Dexie.delete(name);
  });

  it('upgrades a v4 cache to v5: the devices already cached are found by owner, by index', async () => {
    const name = `migrate-${Math.random()}`;
    const v4 = new PortalDb(name, { upTo: 4 });
    const device = (id: string, licenseId: string, userId: string, userEmail: string) => ({
      id,
      licenseId,
      userId,
      userEmail,
      hostname: id,
      active: true,
      state: 'active',
    });
    await v4
      .table('devices')
      .bulkAdd([
        device('d-1', 'lic-1', 'u-1', 'ana@x.example'),
        device('d-2', 'lic-1', 'u-2', 'bo@x.example'),
        device('d-3', 'lic-2', 'u-1', 'ana@x.example'),
        device('d-4', 'lic-1', 'u-1', 'ana@x.example'),
      ]);
    v4.close();

    const v5 = new PortalDb(name);
    await v5.open();
    expect(v5.verno).toBe(5);
    expect((await devicesOfUser(v5, 'lic-1', 'u-1')).map((d) => d.id).sort()).toEqual(['d-1', 'd-4']);
    expect(await ownsADevice(v5, 'Bo@X.example')).toBe(true);
    expect(await ownsADevice(v5, 'cy@x.example')).toBe(false);
    v5.close();
    await Dexie.delete(name);
  });
});
