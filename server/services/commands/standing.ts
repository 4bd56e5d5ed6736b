import type { Kysely } from 'kysely';
import { isManagerOf, type DeviceActor } from '@shared/domain';
import { licenseWithStanding, type LicenseRow } from '../../db/licenses';
import type { Database } from '../../db/schema';
import type { UserRow } from '../../db/users';

/**
 * A license of the caller's company and the caller as the rules see them on it (manager, holds a
 * seat), read in one query inside the command's transaction, after the chunk locked its licenses.
 */
export async function standingOn(
  trx: Kysely<Database>,
  user: UserRow,
  licenseId: string,
): Promise<{ license: LicenseRow; actor: DeviceActor } | undefined> {
  const row = await licenseWithStanding(trx, user.company_id, licenseId, user.id);
  if (!row) return undefined;
  const { appointed, assigned, ...license } = row;
  return {
    license,
    actor: { userId: user.id, isManager: isManagerOf(license.subscription_kind, appointed), holdsSeat: assigned },
  };
}
