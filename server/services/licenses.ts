import { showsInHolderSearch } from '@shared/domain';
import type { Device, License, LicenseUser } from '@shared/schemas';
import { licenseAssignments } from '../db/assignments';
import { licenseDevices } from '../db/devices';
import { licensesHeldBy } from '../db/licenses';
import { findUserByEmail, type UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { accessLicense, licenseViewOf, visibleLicenseViews } from './access';
import { DomainError } from './errors';
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
  return { license: await licenseViewOf(kysely, await accessLicense(kysely, user, licenseId)) };
}

/** Rule 3: a license user sees (and may reset) only their own devices; a manager all of them. */
export async function listDevices(deps: AppDeps, user: UserRow, licenseId: string): Promise<{ devices: Device[] }> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  const rows = await licenseDevices(kysely, row.id, isManager ? undefined : user.id);
  return { devices: rows.map(deviceView) };
}

/** Rule 4: only a manager sees who holds the seats. */
export async function listUsers(deps: AppDeps, user: UserRow, licenseId: string): Promise<{ users: LicenseUser[] }> {
  const { kysely } = deps.db;
  const { row, isManager } = await accessLicense(kysely, user, licenseId);
  if (!isManager) throw new DomainError('not_license_manager');
  const rows = await licenseAssignments(kysely, row.id);
  return { users: rows.map((r) => licenseUserView(row.id, r)) };
}
