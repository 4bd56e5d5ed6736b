import type { Kysely } from 'kysely';
import { isManagerOf, roleFor, type Role } from '@shared/domain';
import type { License } from '@shared/schemas';
import { licenseWithCaller, visibleLicensesWithCaller } from '../db/license-access';
import { countsOf, type LicenseRow } from '../db/licenses';
import type { Database } from '../db/schema';
import type { UserRow } from '../db/users';
import { notFound } from './errors';
import { licenseView } from './views';

export interface LicenseAccess {
  row: LicenseRow;
  /** The caller manages this license (rule 4). */
  isManager: boolean;
}

/**
 * A license the caller may see (rule 9 and visibility): of their company and held or managed by
 * them. Anything else is not_found, so nobody learns whether another company's license exists.
 */
export async function accessLicense(db: Kysely<Database>, user: UserRow, licenseId: string): Promise<LicenseAccess> {
  const row = await licenseWithCaller(db, user.company_id, user.id, licenseId);
  if (!row || !(row.appointed || row.assigned)) throw notFound();
  return { row, isManager: isManagerOf(row.subscription_kind, row.appointed) };
}

/** One license as the portal shows it, with its counters (from the same row) and the caller's role. */
export function licenseViewOf({ row, isManager }: LicenseAccess): License {
  return licenseView(row, countsOf(row), isManager);
}

/** Every license the caller may see, as the portal shows them. */
export async function visibleLicenseViews(db: Kysely<Database>, user: UserRow): Promise<License[]> {
  return (await visibleLicensesAndRole(db, user)).licenses;
}

/**
 * The same, with the caller's dashboard role, which follows from the same rows: the licenses a
 * user was made manager of are all of their company and all visible to them.
 */
export async function visibleLicensesAndRole(
  db: Kysely<Database>,
  user: UserRow,
): Promise<{ licenses: License[]; role: Role }> {
  const rows = await visibleLicensesWithCaller(db, user.company_id, user.id);
  return {
    licenses: rows.map((row) => licenseView(row, countsOf(row), isManagerOf(row.subscription_kind, row.appointed))),
    role: roleFor(rows.filter((r) => r.appointed).map((r) => ({ kind: r.subscription_kind, appointedManager: true }))),
  };
}
