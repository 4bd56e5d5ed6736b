import type { LicenseUser } from '@shared/schemas';
import type { ListIndexSpec } from './list-index';
import type { ListQuery, ListQuerySpec, SortDir } from './list-query';
import { compareCodes, compareText, createTextFilter } from './list-query';

const USER_SORTS = ['role', 'email', 'name', 'assigned'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export type UserQuery = ListQuery<UserSort, never>;

/** The Users page's URL query: by default managers first, then by email (the store's order). */
export const USER_QUERY: ListQuerySpec<UserSort, never> = { sorts: USER_SORTS, defaultSort: 'role', statuses: [] };

/** "Dana Developer", or an em dash when the account has no name. */
export const fullName = (u: LicenseUser) => [u.firstName, u.lastName].filter(Boolean).join(' ') || '—';

const COMPARE: Record<UserSort, (a: LicenseUser, b: LicenseUser, dir: SortDir) => number> = {
  role: (a, b, dir) =>
    (Number(b.isManager) - Number(a.isManager)) * (dir === 'asc' ? 1 : -1) || compareText(a.email, b.email),
  email: (a, b, dir) => compareText(a.email, b.email, dir),
  name: (a, b, dir) => compareText(fullName(a), fullName(b), dir) || compareText(a.email, b.email),
  assigned: (a, b, dir) => compareCodes(a.assignedAt, b.assignedAt, dir) || compareText(a.email, b.email),
};

/** The rows in the query's order; the default order (the store's) is kept as it comes. */
export function sortUsers(rows: readonly LicenseUser[], sort: UserSort, dir: SortDir): readonly LicenseUser[] {
  if (sort === USER_QUERY.defaultSort && dir === 'asc') return rows;
  const compare = COMPARE[sort];
  return [...rows].sort((a, b) => compare(a, b, dir));
}

const searched = (u: LicenseUser) => [u.email, u.firstName, u.lastName, fullName(u)];
const matchText = createTextFilter<LicenseUser>(searched);

/** The Users page's filter and sorts, for its list index (list-index.ts). */
export const USER_INDEX: ListIndexSpec<LicenseUser, UserSort, never> = { text: searched, compare: COMPARE };

/** The rows whose email or name contains the query's text, in their order. */
export function filterUsers(rows: readonly LicenseUser[], query: Pick<UserQuery, 'q'>): readonly LicenseUser[] {
  return matchText(rows, query.q);
}
