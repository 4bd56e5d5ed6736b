import { showsInHolderSearch } from '@shared/domain';
import type { License, ListHead } from '@shared/schemas';
import { unassignedSince } from '../db/assignments';
import { changedDevicePages, changedSeatPages, devicePages, seatPages } from '../db/list-pages';
import { licensesHeldBy } from '../db/licenses';
import { findUserByEmail, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { accessLicense, licenseViewOf, visibleLicenseViews } from './access';
import { DomainError } from './errors';
import { continuableVersion, encodeCursor } from './pull';

/** The licenses the caller may see; with `holderEmail`, only those the search may show (showsInHolderSearch). */
export async function listLicenses(
  deps: AppDeps,
  user: UserRow,
  holderEmail?: string,
): Promise<{ licenses: License[] }> {
  const { kysely } = deps.db;
  const views = await visibleLicenseViews(kysely, user);
  if (!holderEmail) return { licenses: views };
  const holder = await findUserByEmail(kysely, user.company_id, holderEmail);
  const held = holder ? await licensesHeldBy(kysely, holder.id) : new Set<string>();
  return {
    licenses: views.filter((v) =>
      showsInHolderSearch({ role: v.role, heldBySearched: held.has(v.id) }, holderEmail, user.email),
    ),
  };
}

export async function getLicense(deps: AppDeps, user: UserRow, licenseId: string): Promise<{ license: License }> {
  const { kysely } = deps.db;
  return { license: licenseViewOf(await accessLicense(kysely, user, licenseId)) };
}

/**
 * A list answer whose rows are read and sent a page at a time (db/list-pages.ts): `head` is the
 * answer without its rows, `field` names the rows' array, each page holds the rows' JSON texts
 * (the wire shapes Device and LicenseUser).
 */
export interface PagedList {
  field: 'devices' | 'users';
  head: ListHead & { cursor: string };
  pages: AsyncGenerator<string[]>;
}

/**
 * Rule 3: a license user sees (and may reset) only their own devices; a manager all of them.
 * With a cursor it can continue (`since`), only the devices changed after it; devices never leave
 * a list (a reset deactivates), so `removed` stays empty.
 */
export async function listDevices(deps: AppDeps, user: UserRow, licenseId: string, since?: string): Promise<PagedList> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  // The license (and so its version) is read before the rows: a change committed in between is
  // sent twice, never missed.
  const scope = { licenseId: row.id, all: isManager, user };
  const from = continuableVersion(since, scope, row);
  const own = isManager ? undefined : user.id;
  const pages = from === undefined ? devicePages(kysely, row.id, own) : changedDevicePages(kysely, row.id, from, own);
  return {
    field: 'devices',
    head: { removed: [], cursor: encodeCursor(scope, row.version), full: from === undefined },
    pages,
  };
}

/** Rule 4: only a manager sees who holds the seats; with `since`, the changes and who left. */
export async function listUsers(deps: AppDeps, user: UserRow, licenseId: string, since?: string): Promise<PagedList> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  if (!isManager) throw new DomainError('not_license_manager');
  const scope = { licenseId: row.id, all: true, user };
  const from = continuableVersion(since, scope, row);
  const cursor = encodeCursor(scope, row.version);
  if (from === undefined)
    return { field: 'users', head: { removed: [], cursor, full: true }, pages: seatPages(kysely, row.id) };
  // A seat given again drops its tombstone (addSeat), so who left is never also among the changed.
  const removed = await unassignedSince(kysely, row.id, from);
  return {
    field: 'users',
    head: { removed, cursor, full: false },
    pages: changedSeatPages(kysely, row.id, from),
  };
}
