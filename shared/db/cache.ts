import type { Table } from 'dexie';
import type { Device, License, LicenseUser, MetaRow } from '../schemas';
import { fetchedAtKey } from '../schemas';
import type { PortalDb } from './database';

const FETCHED_AT = 'fetchedAt:';

/** Every `fetchedAt:<what>` meta row as a map from `<what>` (`licenses`, `devices:<id>`...) to its ISO time. */
export async function fetchedAtMap(db: PortalDb): Promise<Record<string, string>> {
  const rows = await db.meta.where('key').startsWith(FETCHED_AT).toArray();
  return Object.fromEntries(
    rows.filter((r) => typeof r.value === 'string').map((r) => [r.key.slice(FETCHED_AT.length), r.value as string]),
  );
}

/** What one fetch (or one pull after a sync) brought from the server. */
export interface Fetched {
  /** The whole license list. */
  licenses?: License[];
  /** Per license id, all of its devices. */
  devices?: ReadonlyMap<string, Device[]>;
  /** Per license id, all of its users (assignments). */
  users?: ReadonlyMap<string, LicenseUser[]>;
}

/**
 * Replace the cached rows with the server's in ONE transaction, and stamp each part with `at` as
 * its fetchedAt: the license list as a whole, devices and users per license.
 */
export async function storeFetched(db: PortalDb, fetched: Fetched, at: string): Promise<void> {
  const { licenses, devices = new Map(), users = new Map() } = fetched;
  const tables = [
    ...(licenses ? [db.licenses] : []),
    ...(devices.size ? [db.devices] : []),
    ...(users.size ? [db.users] : []),
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    const stamps: MetaRow[] = [];
    if (licenses) {
      await db.licenses.clear();
      await db.licenses.bulkPut(licenses);
      stamps.push({ key: fetchedAtKey('licenses'), value: at });
    }
    for (const [id, rows] of devices) {
      await replaceLicenseRows(db.devices, id, rows);
      stamps.push({ key: fetchedAtKey(`devices:${id}`), value: at });
    }
    for (const [id, rows] of users) {
      await replaceLicenseRows(db.users, id, rows);
      stamps.push({ key: fetchedAtKey(`users:${id}`), value: at });
    }
    await db.meta.bulkPut(stamps);
  });
}

async function replaceLicenseRows<T extends { licenseId: string }>(
  table: Table<T>,
  licenseId: string,
  rows: T[],
): Promise<void> {
  await table.where('licenseId').equals(licenseId).delete();
  await table.bulkPut(rows);
}

/** Replace the cached licenses with the server's list. */
export const storeLicenses = (db: PortalDb, licenses: License[], at: string) => storeFetched(db, { licenses }, at);

/** Replace one license's cached devices. */
export const storeDevices = (db: PortalDb, licenseId: string, devices: Device[], at: string) =>
  storeFetched(db, { devices: new Map([[licenseId, devices]]) }, at);

/** Replace one license's cached users (assignments). */
export const storeUsers = (db: PortalDb, licenseId: string, users: LicenseUser[], at: string) =>
  storeFetched(db, { users: new Map([[licenseId, users]]) }, at);

/** Forget everything cached about the company (sign-out); the outbox stays. */
export async function clearCache(db: PortalDb): Promise<void> {
  await db.transaction('rw', [db.licenses, db.devices, db.users, db.meta], async () => {
    await Promise.all([db.licenses.clear(), db.devices.clear(), db.users.clear()]);
    await db.meta.where('key').startsWith(FETCHED_AT).delete();
  });
}
