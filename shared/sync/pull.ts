import type { ApiClient, ApiFailure } from '../api';
import type { Device, LicenseUser } from '../schemas';
import { storeFetched, type PortalDb } from '../db';

/**
 * Pull the server's state of the licenses a sync touched and store it in ONE transaction:
 * the license list, and each touched license's devices and (for managers) users. The overlay
 * then re-applies whatever is still pending on top.
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
  const devices = new Map<string, Device[]>();
  const users = new Map<string, LicenseUser[]>();
  for (const id of licenseIds) {
    const license = list.data.licenses.find((l) => l.id === id);
    if (!license) continue;
    const d = await api.devices(id);
    if (d.ok) devices.set(id, d.data.devices);
    if (license.role !== 'license_manager') continue;
    const u = await api.users(id);
    if (u.ok) users.set(id, u.data.users);
  }
  await storeFetched(db, { licenses: list.data.licenses, devices, users }, at);
  return null;
}
