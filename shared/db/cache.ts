import type { Table } from 'dexie';
import type { Device, DeviceRow, License, LicenseUser, MetaRow } from '../schemas';
import { cursorKey, deviceRow, fetchedAtKey } from '../schemas';
import type { PortalDb } from './database';

const FETCHED_AT = 'fetchedAt:';
const CURSOR = 'cursor:';
const EVENTS = 'events:';

/** Every `fetchedAt:<what>` meta row as a map from `<what>` (`licenses`, `devices:<id>`...) to its ISO time. */
export async function fetchedAtMap(db: PortalDb): Promise<Record<string, string>> {
  const rows = await db.meta.where('key').startsWith(FETCHED_AT).toArray();
  return Object.fromEntries(
    rows.filter((r) => typeof r.value === 'string').map((r) => [r.key.slice(FETCHED_AT.length), r.value as string]),
  );
}

/** The two lists the cache keeps per license. */
export type LicenseList = 'devices' | 'users';

/**
 * One license's list as the server answered a pull: the whole list (`full`), or only the rows
 * changed since the cursor the client sent and the ids that left it.
 */
export interface PulledList<Row> {
  rows: Row[];
  removed: string[];
  /** Where the next pull continues from; none: the next pull asks for the whole list. */
  cursor?: string;
  full: boolean;
}

/** A whole list, as a pull that cannot continue from a cursor answers. */
export const wholeList = <Row>(rows: Row[]): PulledList<Row> => ({ rows, removed: [], full: true });

/** The cursor the next pull of this list sends (`since`), or null: ask for the whole list. */
export async function readCursor(db: PortalDb, list: LicenseList, licenseId: string): Promise<string | null> {
  const row = await db.meta.get(cursorKey(list, licenseId));
  return typeof row?.value === 'string' ? row.value : null;
}

/** What one fetch (or one pull after a sync) brought from the server. */
export interface Fetched {
  /** The whole license list. */
  licenses?: License[];
  /** Per license id, its devices (whole, or what changed). */
  devices?: ReadonlyMap<string, PulledList<Device>>;
  /** Per license id, its users (assignments; whole, or what changed). */
  users?: ReadonlyMap<string, PulledList<LicenseUser>>;
}

/**
 * Store what the server sent in ONE transaction and stamp each part with `at` as its fetchedAt:
 * the license list replaced as a whole; per license, a whole list replaces that license's rows
 * (rewriting only the rows that differ), a delta puts the changed rows and deletes the removed
 * ones. Each list's cursor is kept (or forgotten, when the answer had none) in the same write.
 * Resolves with the number of device and user rows written or deleted.
 */
export async function storeFetched(db: PortalDb, fetched: Fetched, at: string): Promise<number> {
  const { licenses, devices = new Map(), users = new Map() } = fetched;
  const tables = [
    ...(licenses ? [db.licenses] : []),
    ...(devices.size ? [db.devices] : []),
    ...(users.size ? [db.users] : []),
    db.meta,
  ];
  return db.transaction('rw', tables, async () => {
    let written = 0;
    const stamps: MetaRow[] = [];
    const forgotten: string[] = [];
    const stamp = (list: LicenseList, licenseId: string, cursor: string | undefined) => {
      stamps.push({ key: fetchedAtKey(`${list}:${licenseId}`), value: at });
      if (cursor) stamps.push({ key: cursorKey(list, licenseId), value: cursor });
      else forgotten.push(cursorKey(list, licenseId));
    };
    if (licenses) {
      await db.licenses.clear();
      await db.licenses.bulkPut(licenses);
      stamps.push({ key: fetchedAtKey('licenses'), value: at });
    }
    for (const [id, pulled] of devices) {
      const rows = { ...pulled, rows: pulled.rows.map(deviceRow) };
      written += await applyList(db.devices as Table<DeviceRow, string>, id, rows, (_licenseId, deviceId) => deviceId);
      stamp('devices', id, pulled.cursor);
    }
    for (const [id, pulled] of users) {
      written += await applyList(db.users, id, pulled, (licenseId, userId): [string, string] => [licenseId, userId]);
      stamp('users', id, pulled.cursor);
    }
    await db.meta.bulkDelete(forgotten);
    await db.meta.bulkPut(stamps);
    return written;
  });
}

async function applyList<T extends { licenseId: string; id: string }, K>(
  table: Table<T, K>,
  licenseId: string,
  pulled: PulledList<T>,
  keyOf: (licenseId: string, id: string) => K,
): Promise<number> {
  if (!pulled.full) {
    await table.bulkPut(pulled.rows);
    await table.bulkDelete(pulled.removed.map((id) => keyOf(licenseId, id)));
    return pulled.rows.length + pulled.removed.length;
  }
  // A whole list mostly repeats what is cached: rewriting 10,000 unchanged rows costs about a second
  // of IndexedDB writes (and wakes every reader), comparing them a read.
  const cached = new Map((await table.where('licenseId').equals(licenseId).toArray()).map((r) => [r.id, r]));
  const changed = pulled.rows.filter((row) => {
    const before = cached.get(row.id);
    cached.delete(row.id);
    return !before || !sameRow(before, row);
  });
  await table.bulkDelete([...cached.keys()].map((id) => keyOf(licenseId, id)));
  await table.bulkPut(changed);
  return cached.size + changed.length;
}

/** Cached rows are flat (strings, numbers, booleans, null): equal when every field is. */
function sameRow(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(y);
  return keys.length === Object.keys(x).length && keys.every((k) => x[k] === y[k]);
}

/** Replace the cached licenses with the server's list. */
export const storeLicenses = (db: PortalDb, licenses: License[], at: string) => storeFetched(db, { licenses }, at);

/** Store one pull of one license's devices. */
export const storeDevices = (db: PortalDb, licenseId: string, devices: PulledList<Device>, at: string) =>
  storeFetched(db, { devices: new Map([[licenseId, devices]]) }, at);

/** Store one pull of one license's users (assignments). */
export const storeUsers = (db: PortalDb, licenseId: string, users: PulledList<LicenseUser>, at: string) =>
  storeFetched(db, { users: new Map([[licenseId, users]]) }, at);

/** Forget everything cached about the company (sign-out, another user): rows, ages and cursors; the outbox stays. */
export async function clearCache(db: PortalDb): Promise<void> {
  await db.transaction('rw', [db.licenses, db.devices, db.users, db.events, db.meta], async () => {
    await Promise.all([db.licenses.clear(), db.devices.clear(), db.users.clear(), db.events.clear()]);
    await db.meta.where('key').startsWith(FETCHED_AT).delete();
    await db.meta.where('key').startsWith(CURSOR).delete();
    await db.meta.where('key').startsWith(EVENTS).delete();
  });
}
