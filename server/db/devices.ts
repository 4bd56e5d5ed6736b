import type { Kysely, Selectable } from 'kysely';
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

function withEmail(db: Kysely<Database>) {
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

/** Deactivates the given devices (only those still active); returns how many changed. */
export async function deactivateDevices(db: Kysely<Database>, deviceIds: string[], at: string): Promise<number> {
  if (deviceIds.length === 0) return 0;
  const result = await db
    .updateTable('devices')
    .set({ active: 0, deactivated_at: at })
    .where('id', 'in', deviceIds)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The active activation of this machine on the license, if any. */
export async function findActiveDevice(
  db: Kysely<Database>,
  licenseId: string,
  hardwareId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('devices')
    .select('id')
    .where('license_id', '=', licenseId)
    .where('hardware_id', '=', hardwareId)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** The product checked in from this device: records when, and its current name and OS if given. */
export async function touchDevice(
  db: Kysely<Database>,
  deviceId: string,
  at: string,
  rename?: { hostname: string; os: string },
): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_checked_at: at, ...rename })
    .where('id', '=', deviceId)
    .execute();
}

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
  await insertDevices(db, [
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

/** Devices stored as given, history included (the demo data's older and reset devices). */
export async function insertDevices(db: Kysely<Database>, rows: ReadonlyArray<Selectable<DeviceTable>>): Promise<void> {
  await db
    .insertInto('devices')
    .values([...rows])
    .execute();
}
