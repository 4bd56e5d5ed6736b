import type { OutboxRow } from '../schemas';
import type { PortalDb } from '../db';

/**
 * What the user sees now for a command's target, from the cache (pulled fresh after every sync
 * run, so after a `conflict` this is the server's state): the basis a confirmed command carries.
 */
export async function basisNow(db: PortalDb, row: OutboxRow): Promise<OutboxRow['basis']> {
  switch (row.kind) {
    case 'device.reset': {
      const [device, license] = await Promise.all([
        db.devices.get(row.payload.deviceId),
        db.licenses.get(row.licenseId),
      ]);
      return { deviceActive: device?.active ?? false, deactivationCount: license?.deactivationCount ?? 0 };
    }
    case 'license.reset': {
      const [devices, users] = await Promise.all([
        db.devices.where('licenseId').equals(row.licenseId).toArray(),
        db.users.where('licenseId').equals(row.licenseId).toArray(),
      ]);
      return {
        activeDevices: devices.filter((d) => d.active).length,
        assignedUsers: users.filter((u) => !u.isManager).length,
      };
    }
    case 'user.assign':
    case 'user.unassign':
    case 'user.reset_password': {
      const license = await db.licenses.get(row.licenseId);
      return { seatsUsed: license?.seats.used ?? 0 };
    }
  }
}
