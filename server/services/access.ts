import type { Kysely } from 'kysely';
import { isManagerOf } from '@shared/domain';
import type { License } from '@shared/schemas';
import { isAssigned } from '../db/assignments';
import { findLicense, licenseCounts, visibleLicenses, type LicenseRow } from '../db/licenses';
import { appointedLicenseIds, isAppointedManager } from '../db/managers';
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
  const row = await findLicense(db, user.company_id, licenseId);
  if (!row) throw notFound();
  const appointed = await isAppointedManager(db, row.id, user.id);
  if (!appointed && !(await isAssigned(db, row.id, user.id))) throw notFound();
  return { row, isManager: isManagerOf(row.subscription_kind, appointed) };
}

/** One license as the portal shows it, with its counters and the caller's role. */
export async function licenseViewOf(db: Kysely<Database>, { row, isManager }: LicenseAccess): Promise<License> {
  const counts = await licenseCounts(db, [row.id]);
  return licenseView(row, counts.get(row.id)!, isManager);
}

/** Every license the caller may see, as the portal shows them. */
export async function visibleLicenseViews(db: Kysely<Database>, user: UserRow): Promise<License[]> {
  const rows = await visibleLicenses(db, user.company_id, user.id);
  const appointed = await appointedLicenseIds(db, user.id);
  const counts = await licenseCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    licenseView(row, counts.get(row.id)!, isManagerOf(row.subscription_kind, appointed.has(row.id))),
  );
}
