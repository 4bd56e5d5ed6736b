import type { Kysely, Selectable } from 'kysely';
import { args, compiledQuery, rowPlaces, rowValues } from './compiled';
import { arg, compiledRead } from './compiled-read';
import { bumpLicense, nextVersion } from './license-version';
import { inSlices } from './slices';
import type { DeviceFacts } from '@shared/domain';
import type { Database, DeviceTable } from './schema';

export type DeviceRow = Selectable<DeviceTable> & { user_email: string };

/** The rules' view of a stored device. */
export function deviceFacts(row: Selectable<DeviceTable>): DeviceFacts {
  return {
    id: row.id,
    licenseId: row.license_id,
    userId: row.user_id,
    hardwareId: row.hardware_id,
    active: row.active === 1,
  };
}

/** Devices with their owner's email (list-pages.ts pages through it). */
export function withEmail(db: Kysely<Database>) {
  return db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .selectAll('devices')
    .select('users.email as user_email');
}

/** Devices of a license, newest activity first; optionally only one user's. */
export async function licenseDevices(
  db: Kysely<Database>,
  licenseId: string,
  onlyUserId?: string,
): Promise<DeviceRow[]> {
  let query = withEmail(db).where('devices.license_id', '=', licenseId);
  if (onlyUserId) query = query.where('devices.user_id', '=', onlyUserId);
  return query.orderBy('devices.active', 'desc').orderBy('devices.first_activated_at').orderBy('devices.id').execute();
}

export async function findDevice(db: Kysely<Database>, deviceId: string): Promise<DeviceRow | undefined> {
  return withEmail(db).where('devices.id', '=', deviceId).executeTakeFirst();
}

/** What a sync command needs of a device: where it belongs, whose it is, whether it is active. */
export interface DeviceBrief {
  id: string;
  licenseId: string;
  userId: string;
  hardwareId: string;
  hostname: string;
  userEmail: string;
  active: boolean;
}

const devicesById = compiledQuery((db, n) =>
  db
    .selectFrom('devices')
    .innerJoin('users', 'users.id', 'devices.user_id')
    .select(['devices.id', 'devices.license_id', 'devices.user_id', 'devices.hardware_id', 'devices.hostname'])
    .select(['devices.active', 'users.email'])
    .where('devices.id', 'in', args(0, n)),
);

const licensesOfCompany = compiledQuery((db, n) =>
  db.selectFrom('licenses').select('id').where('company_id', '=', arg(0)).where('id', 'in', args(1, n)),
);

/**
 * These devices, of one company only (another company's are not there for the caller). Looked up
 * by id alone, then their licenses checked: joined to licenses first, SQLite may walk every device
 * of the company's licenses instead of the few asked for.
 */
export async function devicesOfCompany(
  db: Kysely<Database>,
  companyId: string,
  deviceIds: readonly string[],
): Promise<Map<string, DeviceBrief>> {
  const found = new Map<string, DeviceBrief>();
  const rows = await inSlices(deviceIds, async (slice) => (await devicesById(db, slice.length, slice)).rows);
  for (const r of rows) {
    found.set(r.id, {
      id: r.id,
      licenseId: r.license_id,
      userId: r.user_id,
      hardwareId: r.hardware_id,
      hostname: r.hostname,
      userEmail: r.email,
      active: r.active === 1,
    });
  }
  const licenseIds = [...new Set([...found.values()].map((d) => d.licenseId))];
  const ofCompany = await inSlices(
    licenseIds,
    async (slice) => (await licensesOfCompany(db, slice.length, [companyId, ...slice])).rows,
  );
  const own = new Set(ofCompany.map((r) => r.id));
  for (const [id, device] of found) if (!own.has(device.licenseId)) found.delete(id);
  return found;
}

const deactivate = compiledQuery((db, n) =>
  db
    .updateTable('devices')
    .set({ active: 0, deactivated_at: arg(0), version: arg<number>(1) })
    .where('id', 'in', args(2, n))
    .where('active', '=', 1),
);

/**
 * Deactivates the given devices (only those still active) and stamps them with `version`; the
 * caller counts them against its license (one fewer active device, one more deactivation each).
 */
export async function deactivateDevices(
  db: Kysely<Database>,
  deviceIds: readonly string[],
  at: string,
  version: number,
): Promise<number> {
  let changed = 0;
  for (let start = 0; start < deviceIds.length; start += 500) {
    const slice = deviceIds.slice(start, start + 500);
    const result = await deactivate(db, slice.length, [at, version, ...slice]);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

const activeDeviceOf = compiledRead((db) =>
  db
    .selectFrom('devices')
    .select(['id', 'user_id', 'last_checked_at'])
    .where('license_id', '=', arg(0))
    .where('hardware_id', '=', arg(1))
    .where('active', '=', 1),
);

/** An active device with its owner and last check-in, looked up by machine (index on license + hardware id). */
export async function findActiveDevice(
  db: Kysely<Database>,
  licenseId: string,
  hardwareId: string,
): Promise<{ id: string; user_id: string; last_checked_at: string } | undefined> {
  const [row] = await activeDeviceOf(db, licenseId, hardwareId);
  return row;
}

/**
 * The product checked in from this device: records when, and its current name and OS if given.
 * `listed` also stamps the license's next version, so incremental pulls send the row again.
 */
export async function touchDevice(
  db: Kysely<Database>,
  device: { id: string; licenseId: string },
  at: string,
  change: { rename?: { hostname: string; os: string }; listed: boolean },
): Promise<void> {
  await db
    .updateTable('devices')
    .set({
      last_checked_at: at,
      ...change.rename,
      ...(change.listed ? { version: nextVersion(db, device.licenseId) } : {}),
    })
    .where('id', '=', device.id)
    .execute();
  if (change.listed) await bumpLicense(db, device.licenseId);
}

const DEVICE_COLUMNS = [
  'id',
  'license_id',
  'user_id',
  'hardware_id',
  'hostname',
  'os',
  'first_activated_at',
  'last_checked_at',
  'active',
  'deactivated_at',
  'version',
] as const satisfies ReadonlyArray<keyof DeviceTable>;

const insertRows = compiledQuery((db, rows) =>
  db.insertInto('devices').values(Array.from({ length: rows }, (_, r) => rowPlaces(DEVICE_COLUMNS, r))),
);

export interface NewDevice {
  id: string;
  licenseId: string;
  userId: string;
  hardwareId: string;
  hostname: string;
  os: string;
  at: string;
}

/** An active device, first activated and last checked `at`. */
export async function insertDevice(db: Kysely<Database>, device: NewDevice): Promise<void> {
  await insertDevices(db, device.licenseId, [
    {
      id: device.id,
      license_id: device.licenseId,
      user_id: device.userId,
      hardware_id: device.hardwareId,
      hostname: device.hostname,
      os: device.os,
      first_activated_at: device.at,
      last_checked_at: device.at,
      active: 1,
      deactivated_at: null,
    },
  ]);
}

/**
 * Devices of one license stored as given, history included (the demo data's older and reset
 * devices), under one new version of the license, whose active-device counter follows.
 */
export async function insertDevices(
  db: Kysely<Database>,
  licenseId: string,
  rows: ReadonlyArray<Omit<Selectable<DeviceTable>, 'version'>>,
): Promise<void> {
  if (rows.some((r) => r.license_id !== licenseId)) throw new Error('insertDevices: every row must be of the license');
  const active = rows.filter((r) => r.active === 1).length;
  const { version } = await bumpLicense(db, licenseId, { activeDevices: active });
  const values = rows.map((r) => ({ version, ...r }));
  await insertRows(db, values.length, rowValues(DEVICE_COLUMNS, values));
}
