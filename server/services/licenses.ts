import { showsInHolderSearch } from '@shared/domain';
import type { DevicesResponse, License, UsersResponse } from '@shared/schemas';
import { assignmentsChangedSince, licenseAssignments, unassignedSince } from '../db/assignments';
import { devicesChangedSince, licenseDevices } from '../db/devices';
import { licensesHeldBy } from '../db/licenses';
import { findUserByEmail, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { accessLicense, licenseViewOf, visibleLicenseViews } from './access';
import { DomainError } from './errors';
import { continuableVersion, encodeCursor } from './pull';
import { deviceView, licenseUserView } from './views';

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
 * Rule 3: a license user sees (and may reset) only their own devices; a manager all of them.
 * With a cursor it can continue (`since`), only the devices changed after it; devices never leave
 * a list (a reset deactivates), so `removed` stays empty.
 */
export async function listDevices(
  deps: AppDeps,
  user: UserRow,
  licenseId: string,
  since?: string,
): Promise<DevicesResponse> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  // The license (and so its version) is read before the rows: a change committed in between is
  // sent twice, never missed.
  const scope = { licenseId: row.id, all: isManager, user };
  const from = continuableVersion(since, scope, row);
  const own = isManager ? undefined : user.id;
  const rows =
    from === undefined
      ? await licenseDevices(kysely, row.id, own)
      : await devicesChangedSince(kysely, row.id, from, own);
  return {
    devices: rows.map(deviceView),
    removed: [],
    cursor: encodeCursor(scope, row.version),
    full: from === undefined,
  };
}

/** Rule 4: only a manager sees who holds the seats; with `since`, the changes and who left. */
export async function listUsers(
  deps: AppDeps,
  user: UserRow,
  licenseId: string,
  since?: string,
): Promise<UsersResponse> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  if (!isManager) throw new DomainError('not_license_manager');
  const scope = { licenseId: row.id, all: true, user };
  const from = continuableVersion(since, scope, row);
  const cursor = encodeCursor(scope, row.version);
  if (from === undefined) {
    const rows = await licenseAssignments(kysely, row.id);
    return { users: rows.map((r) => licenseUserView(row.id, r)), removed: [], cursor, full: true };
  }
  const rows = await assignmentsChangedSince(kysely, row.id, from);
  const present = new Set(rows.map((r) => r.user_id));
  const removed = (await unassignedSince(kysely, row.id, from)).filter((id) => !present.has(id));
  return { users: rows.map((r) => licenseUserView(row.id, r)), removed, cursor, full: false };
}
