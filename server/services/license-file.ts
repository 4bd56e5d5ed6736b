import type { LicenseFileImported } from '@shared/schemas';
import { importLicenseFile } from '../admin/license-import';
import { appointedLicenseIds } from '../db/managers';
import type { UserRow } from '../db/users';
import type { AppDeps } from '../deps';
import { DomainError } from './errors';

/**
 * A manager uploads the license file the vendor sent (the Licenses page): checked against the
 * vendor keys the server trusts, for the manager's own company only, newer than the one it has.
 */
export async function uploadLicenseFile(deps: AppDeps, user: UserRow, file: string): Promise<LicenseFileImported> {
  const { db } = deps;
  if ((await appointedLicenseIds(db.kysely, user.id)).size === 0) throw new DomainError('not_license_manager');
  const company = await db.kysely
    .selectFrom('companies')
    .select('public_id')
    .where('id', '=', user.company_id)
    .executeTakeFirstOrThrow();
  const result = await importLicenseFile(db, file, deps.vendorKeys, {
    expectCompany: company.public_id,
    now: deps.now(),
  });
  if (!result.ok) throw new DomainError(result.code, { field: 'file' });
  return { company: result.company, serial: result.serial, changes: result.changes };
}
