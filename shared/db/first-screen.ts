import type { DeviceRow } from '../schemas';
import type { PortalDb } from './database';

/** A license's devices in the Devices page's default order (see firstDevices), which sorts in no time. */
export function devicesInOrder(db: PortalDb, licenseId: string): Promise<DeviceRow[]> {
  // Every key that starts with the license: [id] sorts before them, [id, []] after (an array sorts after text).
  return db.devices.where('[licenseId+state+hostname]').between([licenseId], [licenseId, []]).toArray();
}

/** A license's first `limit` devices in the default order (see firstDevices), read by index. */
export function firstDeviceRows(db: PortalDb, licenseId: string, limit: number): Promise<DeviceRow[]> {
  return db.devices.where('[licenseId+state+hostname]').between([licenseId], [licenseId, []]).limit(limit).toArray();
}

/**
 * A license's devices of one state whose hostname starts with `prefix` (all of them: ''), the
 * first `limit` by hostname (`reverse`: the last, from the end), read by index: a screen's cost,
 * whatever the count.
 */
export function devicesByHostname(
  db: PortalDb,
  licenseId: string,
  where: { state: DeviceRow['state']; prefix: string; reverse: boolean; limit: number },
): Promise<DeviceRow[]> {
  const { state, prefix, reverse, limit } = where;
  // [id, state, prefix] sorts before every hostname starting with it, and prefix + U+FFFF after
  // them (the index compares text by code unit); '' reaches [id, state, []], after every hostname.
  const upper = prefix ? [licenseId, state, `${prefix}\uffff`] : [licenseId, state, []];
  const range = db.devices.where('[licenseId+state+hostname]').between([licenseId, state, prefix], upper, true, true);
  return (reverse ? range.reverse() : range).limit(limit).toArray();
}

/** How many devices of one state a license has (counted by index). */
export function countDevicesIn(db: PortalDb, licenseId: string, state: DeviceRow['state']): Promise<number> {
  return db.devices.where('[licenseId+state+hostname]').between([licenseId, state], [licenseId, state, []]).count();
}

/** How many devices a license has (counted by its index, no row read). */
export function countDevices(db: PortalDb, licenseId: string): Promise<number> {
  return db.devices.where('licenseId').equals(licenseId).count();
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

/**
 * A license's devices in the default order, read a chunk (`chunk` rows) per transaction: between
 * two chunks other reads get their turn (IndexedDB answers one request at a time, and reading
 * 100,000 rows in one takes seconds), and a reader that is gone (a closed page's worker) stops
 * after the chunk in hand. Each chunk resumes at the last key read; rows sharing that key (two
 * devices with one hostname) are told apart by id. `between`: awaited before each chunk after the
 * first (a reader lets its own quick reads go first).
 */
export async function devicesInChunks(
  db: PortalDb,
  licenseId: string,
  { chunk = 5000, between }: { chunk?: number; between?: () => Promise<void> } = {},
): Promise<DeviceRow[]> {
  const index = db.devices.where('[licenseId+state+hostname]');
  const rows: DeviceRow[] = [];
  let from: [string, string, string] | null = null;
  let atFrom = new Set<string>();
  for (;;) {
    if (from) await between?.();
    const range = from ? index.between(from, [licenseId, []], true, true) : index.between([licenseId], [licenseId, []]);
    const read = await range.limit(chunk).toArray();
    const fresh = read.filter((row) => !atFrom.has(row.id));
    rows.push(...fresh);
    if (read.length < chunk) return unique(rows);
    const last = read.at(-1)!;
    const key: [string, string, string] = [licenseId, last.state, last.hostname];
    const sameKey = from !== null && key[1] === from[1] && key[2] === from[2];
    if (sameKey && fresh.length === 0) {
      // A whole chunk of one key: read that key's rows at once, then go on after it.
      const all = await db.devices.where('[licenseId+state+hostname]').equals(key).toArray();
      rows.push(...all.filter((row) => !atFrom.has(row.id)));
      const after = await index.between(key, [licenseId, []], false, true).toArray();
      return unique([...rows, ...after]);
    }
    atFrom = new Set([
      ...(sameKey ? atFrom : []),
      ...read.filter((r) => r.hostname === last.hostname && r.state === last.state).map((r) => r.id),
    ]);
    from = key;
  }
}

/** A row written between two chunks (its state changed) may be read twice: once each. */
const unique = (rows: DeviceRow[]): DeviceRow[] => [...new Map(rows.map((r) => [r.id, r])).values()];

/** A user's devices on one license (read by index, none of the license's other devices). */
export function devicesOfUser(db: PortalDb, licenseId: string, userId: string): Promise<DeviceRow[]> {
  return db.devices.where('[licenseId+userId]').equals([licenseId, userId]).toArray();
}

/** Whether any cached device, of any license, belongs to this email (any case; read by index). */
export async function ownsADevice(db: PortalDb, email: string): Promise<boolean> {
  return (await db.devices.where('userEmail').equalsIgnoreCase(email).first()) !== undefined;
}
