import type { Device, License, LicenseUser } from '../schemas';
import { fetchedAtKey } from '../schemas';
import type { PortalDb } from './database';

/** When an aggregate was last fetched from the server (ISO), or null if never. */
export async function fetchedAt(db: PortalDb, what: Parameters<typeof fetchedAtKey>[0]): Promise<string | null> {
  const row = await db.meta.get(fetchedAtKey(what));
  return typeof row?.value === 'string' ? row.value : null;
}

/** Replace the cached licenses with the server's list, in one transaction. */
export async function storeLicenses(db: PortalDb, licenses: License[], at: string): Promise<void> {
  await db.transaction('rw', db.licenses, db.meta, async () => {
    await db.licenses.clear();
    await db.licenses.bulkPut(licenses);
    await db.meta.put({ key: fetchedAtKey('licenses'), value: at });
  });
}

/** Replace one license's cached devices. */
export async function storeDevices(db: PortalDb, licenseId: string, devices: Device[], at: string): Promise<void> {
  await db.transaction('rw', db.devices, db.meta, async () => {
    await db.devices.where('licenseId').equals(licenseId).delete();
    await db.devices.bulkPut(devices);
    await db.meta.put({ key: fetchedAtKey(`devices:${licenseId}`), value: at });
  });
}

/** Replace one license's cached users (assignments). */
export async function storeUsers(db: PortalDb, licenseId: string, users: LicenseUser[], at: string): Promise<void> {
  await db.transaction('rw', db.users, db.meta, async () => {
    await db.users.where('licenseId').equals(licenseId).delete();
    await db.users.bulkPut(users);
    await db.meta.put({ key: fetchedAtKey(`users:${licenseId}`), value: at });
  });
}

/** Forget everything cached about the company (sign-out); the outbox stays. */
export async function clearCache(db: PortalDb): Promise<void> {
  await db.transaction('rw', [db.licenses, db.devices, db.users, db.meta], async () => {
    await Promise.all([db.licenses.clear(), db.devices.clear(), db.users.clear()]);
    await db.meta.where('key').startsWith('fetchedAt:').delete();
  });
}
