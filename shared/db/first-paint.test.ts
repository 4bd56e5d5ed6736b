import { describe, expect, it } from 'vitest';
import { META_KEYS, SessionMetaSchema, SyncMetaSchema } from '../schemas';
import { aLicense, MANAGER } from '../stores/testing/fake-portal';
import { enqueue } from '../sync/outbox';
import { deviceReset } from '../sync/testing/fixtures';
import { storeDevices, storeLicenses, wholeList } from './cache';
import { PortalDb } from './database';
import { NOTHING_STORED, readFirstPaint } from './first-paint';
import { firstDeviceRows } from './first-screen';
import { readSession, readSyncMeta, writeMeta } from './meta';

const at = '2030-01-01T00:00:00.000Z';
const name = () => `first-paint-${Math.random().toString(36).slice(2)}`;
const company = { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass' };

/** A device as the app leaves it: signed in, licenses cached, one command queued, a sync failed. */
async function usedDevice(db: PortalDb) {
  await writeMeta(db, META_KEYS.session, SessionMetaSchema, { token: 't'.repeat(32), user: MANAGER, company });
  await db.meta.put({ key: META_KEYS.companyId, value: 'CodeGlass' });
  await storeLicenses(db, [aLicense(), aLicense({ id: 'lic-2', name: 'Other' })], at);
  await enqueue(db, deviceReset('d-1'), { clientId: 'c', userId: MANAGER.id, now: new Date(at) });
  const lastError = { code: 'network', message: 'offline', status: 0 };
  await writeMeta(db, META_KEYS.sync, SyncMetaSchema, {
    attempt: 1,
    nextRetryAt: null,
    lastError,
    blockedAuth: false,
    lastSyncAt: at,
  });
}

describe('the first screen read without Dexie', () => {
  it('reads what Dexie wrote exactly as the stores read it through Dexie', async () => {
    const db = new PortalDb(name());
    await usedDevice(db);
    const first = await readFirstPaint(db.name);
    expect(first).toEqual({
      session: await readSession(db),
      companyId: 'CodeGlass',
      licenses: { licenses: await db.licenses.toArray(), fetchedAt: at },
      outbox: {
        rows: await db.outbox.toArray(),
        outcomes: await db.outcomes.toArray(),
        leases: await db.leases.toArray(),
        sync: await readSyncMeta(db),
      },
    });
    expect(first?.session?.user.name).toBe('Morgan');
    expect(first?.licenses.licenses).toHaveLength(2);
    expect(first?.outbox.rows.map((r) => r.kind)).toEqual(['device.reset']);
  });

  it('reads a malformed session as none, as the stores do', async () => {
    const db = new PortalDb(name());
    await db.meta.put({ key: META_KEYS.session, value: { token: '' } });
    expect((await readFirstPaint(db.name))?.session).toBeNull();
  });

  it('on a device with no database, reads nothing stored and leaves Dexie to create it', async () => {
    const fresh = name();
    expect(await readFirstPaint(fresh)).toEqual(NOTHING_STORED);
    const db = new PortalDb(fresh);
    await usedDevice(db);
    expect((await readFirstPaint(fresh))?.licenses.licenses).toHaveLength(2);
  });

  it('leaves a database of an older schema to Dexie, and reads it once Dexie has upgraded it', async () => {
    const old = new PortalDb(name(), { upTo: 3 });
    await old.meta.put({ key: META_KEYS.companyId, value: 'CodeGlass' });
    old.close();
    expect(await readFirstPaint(old.name)).toBeNull();
    const upgraded = new PortalDb(old.name);
    await upgraded.open();
    expect((await readFirstPaint(old.name))?.companyId).toBe('CodeGlass');
  });

  it('does not hold up a Dexie upgrade: its connection is closed once read', async () => {
    const db = new PortalDb(name(), { upTo: 3 });
    await db.open();
    db.close();
    await readFirstPaint(db.name);
    const upgraded = new PortalDb(db.name);
    await expect(upgraded.open()).resolves.toBe(upgraded);
  });
});

describe('the first screen of a Devices page read without Dexie', () => {
  it('reads the license`s first devices in the page`s default order, as the index orders them, and only when asked', async () => {
    const db = new PortalDb(name());
    await usedDevice(db);
    const device = (id: string, hostname: string, active: boolean, licenseId = 'lic-1') =>
      ({ id, licenseId, hostname, active }) as Parameters<typeof storeDevices>[2]['rows'][number];
    await storeDevices(
      db,
      'lic-1',
      wholeList([device('d-1', 'c-host', true), device('d-2', 'a-host', false), device('d-3', 'b-host', true)]),
      at,
    );
    await storeDevices(db, 'lic-2', wholeList([device('d-9', 'a-host', true, 'lic-2')]), at);
    const first = await readFirstPaint(db.name, indexedDB, { devicesOf: { licenseId: 'lic-1', limit: 2 } });
    expect(first?.devices).toEqual({ licenseId: 'lic-1', rows: await firstDeviceRows(db, 'lic-1', 2) });
    expect(first?.devices?.rows.map((d) => d.id)).toEqual(['d-3', 'd-1']);
    expect(await readFirstPaint(db.name)).not.toHaveProperty('devices');
  });
});
