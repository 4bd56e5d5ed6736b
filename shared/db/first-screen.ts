import type { DeviceRow } from '../schemas';
import type { PortalDb } from './database';

/** A license's devices in the Devices page's default order (see firstDevices), which sorts in no time. */
export function devicesInOrder(db: PortalDb, licenseId: string): Promise<DeviceRow[]> {
  // Every key that starts with the license: [id] sorts before them, [id, []] after (an array sorts after text).
  return db.devices.where('[licenseId+state+hostname]').between([licenseId], [licenseId, []]).toArray();
}

/**
 * A license's first `limit` devices in the Devices page's default order (active first, then by
 * hostname, as the index orders text: by character code), and how many it has: a page shows
 * them while the whole list (10,000 rows take a few hundred milliseconds to read) is on its way.
 */
export async function firstDevices(
  db: PortalDb,
  licenseId: string,
  limit: number,
): Promise<{ rows: DeviceRow[]; total: number }> {
  return db.transaction('r', db.devices, async () => {
    // [id, state] sorts before every [id, state, hostname], [id, state, []] after (as in devicesInOrder).
    const inState = (state: DeviceRow['state']) =>
      db.devices.where('[licenseId+state+hostname]').between([licenseId, state], [licenseId, state, []]);
    const active = await inState('active').limit(limit).toArray();
    const inactive =
      active.length < limit
        ? await inState('inactive')
            .limit(limit - active.length)
            .toArray()
        : [];
    const total = await db.devices.where('licenseId').equals(licenseId).count();
    return { rows: [...active, ...inactive], total };
  });
}
