import type { Table } from 'dexie';
import type { Device, DeviceRow, LicenseUser } from '../schemas';
import { cursorKey, deviceRow, fetchedAtKey } from '../schemas';
import type { LicenseList } from './cache';
import type { PortalDb } from './database';

/**
 * A whole list stored as it arrives (a streamed answer, shared/api/list-stream.ts): each batch in
 * one transaction, writing only the rows that differ from the cached ones (an unchanged row is
 * not rewritten, which would wake every reader); once the last has arrived, the license's rows the
 * list no longer holds are deleted and the list is stamped with its cursor, in one more.
 */
interface ListTable<Row, K> {
  table(db: PortalDb): Table<Row, K>;
  key(licenseId: string, id: string): K;
  idOf(key: K): string;
}

const DEVICES: ListTable<DeviceRow, string> = {
  table: (db) => db.devices as Table<DeviceRow, string>,
  key: (_licenseId, id) => id,
  idOf: (key) => key,
};

const USERS: ListTable<LicenseUser, [string, string]> = {
  table: (db) => db.users,
  key: (licenseId, id) => [licenseId, id],
  idOf: (key) => key[1],
};

/** Cached rows are flat (strings, numbers, booleans, null): equal when every field is. */
function sameRow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(y);
  return keys.length === Object.keys(x).length && keys.every((k) => x[k] === y[k]);
}

async function storeBatch<Row extends { id: string }, K>(
  db: PortalDb,
  list: ListTable<Row, K>,
  licenseId: string,
  rows: Row[],
): Promise<number> {
  const table = list.table(db);
  return db.transaction('rw', table, async () => {
    const cached = await table.bulkGet(rows.map((r) => list.key(licenseId, r.id)));
    const changed = rows.filter((row, i) => !cached[i] || !sameRow(cached[i]!, row));
    await table.bulkPut(changed);
    return changed.length;
  });
}

/** One batch of a license's devices as they arrive; resolves with how many rows it wrote. */
export const storeArrivedDevices = (db: PortalDb, licenseId: string, devices: Device[]) =>
  storeBatch(db, DEVICES, licenseId, devices.map(deviceRow));

/**
 * The whole list has arrived (`seen`: the ids it held): the license's other cached rows are
 * deleted, and its fetchedAt and cursor stamped, in one transaction. Resolves with the rows deleted.
 */
export async function finishArrival(
  db: PortalDb,
  what: LicenseList,
  licenseId: string,
  seen: ReadonlySet<string>,
  cursor: string | undefined,
  at: string,
): Promise<number> {
  return what === 'devices'
    ? finish(db, DEVICES, what, licenseId, seen, cursor, at)
    : finish(db, USERS, what, licenseId, seen, cursor, at);
}

async function finish<Row, K>(
  db: PortalDb,
  list: ListTable<Row, K>,
  what: LicenseList,
  licenseId: string,
  seen: ReadonlySet<string>,
  cursor: string | undefined,
  at: string,
): Promise<number> {
  const table = list.table(db);
  return db.transaction('rw', [table, db.meta], async () => {
    const keys = await table.where('licenseId').equals(licenseId).primaryKeys();
    const gone = keys.filter((key) => !seen.has(list.idOf(key)));
    await table.bulkDelete(gone);
    await db.meta.put({ key: fetchedAtKey(`${what}:${licenseId}`), value: at });
    if (cursor) await db.meta.put({ key: cursorKey(what, licenseId), value: cursor });
    else await db.meta.delete(cursorKey(what, licenseId));
    return gone.length;
  });
}
