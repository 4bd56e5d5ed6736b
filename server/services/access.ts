import type { Kysely } from 'kysely';
import { isManagerOf, type Actor } from '../../shared/domain';
import { findLicense, isAppointedManager, isAssigned, licenseCounts, type LicenseRow } from '../db/licenses';
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
 * them. Anything else is 404, so nobody learns whether another company's license exists.
 */
export async function accessLicense(db: Kysely<Database>, user: UserRow, licenseId: string): Promise<LicenseAccess> {
  const row = await findLicense(db, user.company_id, licenseId);
  if (!row) throw notFound();
  const appointed = await isAppointedManager(db, row.id, user.id);
  if (!appointed && !(await isAssigned(db, row.id, user.id))) throw notFound();
  return { row, isManager: isManagerOf(row.subscription_kind, appointed) };
}

/** The licenses as the portal shows them, with counters and the caller's role on each. */
export async function licenseViews(db: Kysely<Database>, rows: LicenseRow[], managedIds: Set<string>) {
  const counts = await licenseCounts(db, rows.map((r) => r.id));
  return rows.map((row) =>
    licenseView(row, counts.get(row.id)!, isManagerOf(row.subscription_kind, managedIds.has(row.id))),
  );
}

export async function managedLicenseIds(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('license_managers').select('license_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.license_id));
}

/** The caller as the domain rules see them on one license (rules 3 and 4). */
export async function actorOn(db: Kysely<Database>, license: LicenseRow, user: UserRow): Promise<Actor> {
  const appointed = await isAppointedManager(db, license.id, user.id);
  return { userId: user.id, isManager: isManagerOf(license.subscription_kind, appointed) };
}
