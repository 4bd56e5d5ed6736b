import type { ApiClient, ApiFailure } from '../api';
import type { Device, LicenseUser } from '../schemas';
import { readCursor, storeFetched, type PortalDb, type PulledList } from '../db';

/**
 * Pull the server's state of the licenses a sync touched and store it in ONE transaction:
 * the license list, and each touched license's devices and (for managers) users, each list
 * asked for with its cursor, so only what changed comes back. The overlay then re-applies
 * whatever is still pending on top.
 */
export async function pullFresh(
  db: PortalDb,
  api: Pick<ApiClient, 'licenses' | 'devices' | 'users'>,
  licenseIds: readonly string[],
  now: Date,
): Promise<ApiFailure | null> {
  const list = await api.licenses();
  if (!list.ok) return list.error;
  const at = now.toISOString();
  const devices = new Map<string, PulledList<Device>>();
  const users = new Map<string, PulledList<LicenseUser>>();
  for (const id of licenseIds) {
    const license = list.data.licenses.find((l) => l.id === id);
    if (!license) continue;
    const d = await api.devices(id, await readCursor(db, 'devices', id));
    if (d.ok) {
      const { devices: rows, ...pulled } = d.data;
      devices.set(id, { rows, ...pulled });
    }
    if (license.role !== 'license_manager') continue;
    const u = await api.users(id, await readCursor(db, 'users', id));
    if (u.ok) {
      const { users: rows, ...pulled } = u.data;
      users.set(id, { rows, ...pulled });
    }
  }
  await storeFetched(db, { licenses: list.data.licenses, devices, users }, at);
  return null;
}
