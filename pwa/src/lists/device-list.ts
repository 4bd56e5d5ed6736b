import type { Device } from '@shared/schemas';
import { compareHostnames } from '@shared/stores';
import type { ListIndexSpec } from './list-index';
import type { ListQuery, ListQuerySpec, SortDir } from './list-query';
import { compareCodes, compareText, createTextFilter } from './list-query';

const DEVICE_SORTS = ['status', 'hostname', 'os', 'user', 'firstActivated', 'lastChecked'] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];
export type DeviceStatus = 'active' | 'inactive';
export type DeviceQuery = ListQuery<DeviceSort, DeviceStatus>;

/** The Devices page's URL query: by default active devices first, then by hostname (the store's order). */
export const DEVICE_QUERY: ListQuerySpec<DeviceSort, DeviceStatus> = {
  sorts: DEVICE_SORTS,
  defaultSort: 'status',
  statuses: ['active', 'inactive'],
};

type Compare = (a: Device, b: Device, dir: SortDir) => number;
const sign = (dir: SortDir) => (dir === 'asc' ? 1 : -1);
/** By one text field, ties by hostname. */
const by =
  (field: (d: Device) => string, compare = compareText): Compare =>
  (a, b, dir) =>
    compare(field(a), field(b), dir) || compareHostnames(a, b);

// Hostnames compare as the cache's index orders them (see compareHostnames), so the default
// order, the hostname column and the first screen read by index agree.
const COMPARE: Record<DeviceSort, Compare> = {
  status: (a, b, dir) => (Number(b.active) - Number(a.active)) * sign(dir) || compareHostnames(a, b),
  hostname: (a, b, dir) => compareHostnames(a, b) * sign(dir),
  os: by((d) => d.os),
  user: by((d) => d.userEmail),
  // ISO times in UTC sort as text.
  firstActivated: by((d) => d.firstActivatedAt, compareCodes),
  lastChecked: by((d) => d.lastCheckedAt, compareCodes),
};

/**
 * The rows in the query's order. `rows` come in the default order (the store's), which is kept
 * as it is: re-sorting 10,000 rows for nothing would cost every change.
 */
export function sortDevices(rows: readonly Device[], sort: DeviceSort, dir: SortDir): readonly Device[] {
  if (sort === DEVICE_QUERY.defaultSort && dir === 'asc') return rows;
  const compare = COMPARE[sort];
  return [...rows].sort((a, b) => compare(a, b, dir));
}

const searched = (d: Device) => [d.hostname, d.userEmail, d.os];
const matchText = createTextFilter<Device>(searched);

/** The Devices page's filter and sorts, for its list index (list-index.ts). */
export const DEVICE_INDEX: ListIndexSpec<Device, DeviceSort, DeviceStatus> = {
  text: searched,
  compare: COMPARE,
  status: (d) => (d.active ? 'active' : 'inactive'),
};

/** The rows matching the query's text (hostname, user, OS) and status, in their order. */
export function filterDevices(rows: readonly Device[], query: Pick<DeviceQuery, 'q' | 'status'>): readonly Device[] {
  const byStatus = query.status === 'all' ? rows : rows.filter((d) => d.active === (query.status === 'active'));
  return matchText(byStatus, query.q);
}
