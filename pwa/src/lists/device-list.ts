import type { Device } from '@shared/schemas';
import { compareText, createTextFilter, type ListQuery, type ListQuerySpec } from './list-query';

export const DEVICE_SORTS = ['status', 'hostname', 'os', 'user', 'firstActivated', 'lastChecked'] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];
export type DeviceStatus = 'active' | 'inactive';
export type DeviceQuery = ListQuery<DeviceSort, DeviceStatus>;

/** The Devices page's URL query: by default active devices first, then by hostname (the store's order). */
export const DEVICE_QUERY: ListQuerySpec<DeviceSort, DeviceStatus> = {
  sorts: DEVICE_SORTS,
  defaultSort: 'status',
  statuses: ['active', 'inactive'],
};

const byText = (field: (d: Device) => string) => (a: Device, b: Device, dir: 'asc' | 'desc') =>
  compareText(field(a), field(b), dir) || compareText(a.hostname, b.hostname);

const COMPARE: Record<DeviceSort, (a: Device, b: Device, dir: 'asc' | 'desc') => number> = {
  status: (a, b, dir) =>
    (Number(b.active) - Number(a.active)) * (dir === 'asc' ? 1 : -1) || compareText(a.hostname, b.hostname),
  hostname: byText((d) => d.hostname),
  os: byText((d) => d.os),
  user: byText((d) => d.userEmail),
  // ISO times in UTC sort as text.
  firstActivated: (a, b, dir) =>
    compareText(a.firstActivatedAt, b.firstActivatedAt, dir) || compareText(a.hostname, b.hostname),
  lastChecked: (a, b, dir) => compareText(a.lastCheckedAt, b.lastCheckedAt, dir) || compareText(a.hostname, b.hostname),
};

/**
 * The rows in the query's order. `rows` come in the default order (the store's), which is kept
 * as it is: re-sorting 10,000 rows for nothing would cost every change.
 */
export function sortDevices(rows: readonly Device[], sort: DeviceSort, dir: 'asc' | 'desc'): readonly Device[] {
  if (sort === DEVICE_QUERY.defaultSort && dir === 'asc') return rows;
  const compare = COMPARE[sort];
  return [...rows].sort((a, b) => compare(a, b, dir));
}

const matchText = createTextFilter<Device>((d) => [d.hostname, d.userEmail, d.os]);

/** The rows matching the query's text (hostname, user, OS) and status, in their order. */
export function filterDevices(rows: readonly Device[], query: Pick<DeviceQuery, 'q' | 'status'>): readonly Device[] {
  const byStatus = query.status === 'all' ? rows : rows.filter((d) => d.active === (query.status === 'active'));
  return matchText(byStatus, query.q);
}
