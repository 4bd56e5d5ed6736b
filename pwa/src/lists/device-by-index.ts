import { countDevicesIn, devicesByHostname, type PortalDb } from '@shared/db';
import type { Device, DeviceRow } from '@shared/schemas';
import { DEVICE_INDEX, type DeviceSort } from './device-list';
import type { ListQuery } from './list-query';

/** The first rows of a query's answer, read by index; `partial`: more rows may match than these. */
export interface EarlyAnswer<Row> {
  rows: Row[];
  count: number;
  partial: boolean;
}

const STATES: DeviceRow['state'][] = ['active', 'inactive'];

/**
 * A Devices query's first `end` rows from the cache's [licenseId+state+hostname] index, while the
 * list's index still reads every row (a reload of 100,000 devices takes seconds): a screen's cost,
 * whatever the count. Without filter text, by status or by hostname, the answer is exact (counted
 * by index). With text, the devices whose hostname starts with it are the answer so far
 * (`partial`): a match inside a hostname, a user or an OS waits for the list's index. Null where
 * the index cannot answer (a sort by another column over more than a screen of rows).
 * `overlay` applies the commands not sent yet.
 */
export async function devicesByIndex(
  db: PortalDb,
  licenseId: string,
  query: ListQuery<string, string>,
  end: number,
  overlay: (rows: Device[]) => Device[],
): Promise<EarlyAnswer<Device> | null> {
  const q = query.q.trim();
  const sort = query.sort as DeviceSort;
  const byHostname = sort === 'status' || sort === 'hostname';
  if (!q && !byHostname) return null;
  const states = STATES.filter((s) => query.status === 'all' || query.status === s);
  // Each state's first `end` in the answer's order hold the answer's first `end`.
  const reverse = sort === 'hostname' && query.dir === 'desc';
  const prefixes = [...new Set([q, q.toLowerCase()])];
  const reads = await Promise.all(
    states.flatMap((state) =>
      prefixes.map((prefix) => devicesByHostname(db, licenseId, { state, prefix, reverse, limit: end })),
    ),
  );
  // Another column's order needs every row that matches: only where all of them were read.
  if (!byHostname && reads.some((read) => read.length >= end)) return null;
  const needle = q.toLowerCase();
  const compare = DEVICE_INDEX.compare[sort];
  const rows = overlay([...new Map(reads.flat().map((d) => [d.id, d as Device])).values()])
    .filter((d) => query.status === 'all' || DEVICE_INDEX.status!(d) === query.status)
    .filter((d) => !needle || DEVICE_INDEX.text(d).join('\n').toLowerCase().includes(needle))
    .sort((a, b) => compare(a, b, query.dir));
  if (q) return { rows: rows.slice(0, end), count: rows.length, partial: true };
  const counts = await Promise.all(states.map((state) => countDevicesIn(db, licenseId, state)));
  return { rows: rows.slice(0, end), count: counts.reduce((a, b) => a + b, 0), partial: false };
}
