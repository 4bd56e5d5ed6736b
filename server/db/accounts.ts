import type { Kysely } from 'kysely';
import { isManagerOf } from '@shared/domain';
import type { DialectName } from './dialect';
import type { Database } from './schema';

/** An account's standing across its company: what the password-reset rule decides on. */
export interface AccountStanding {
  userId: string;
  email: string;
  /** Every license it holds a seat on. */
  seatLicenseIds: string[];
  /** It manages a license (an appointment on a kind that has managers). */
  managesAny: boolean;
}

/**
 * The account's seats and appointments, read as one decision. On PostgreSQL its user row is
 * locked first (FOR UPDATE), so a seat or an appointment given to it meanwhile on another
 * license (which takes the row FOR SHARE, see lockAccount) waits until this decision commits.
 * SQLite's one writer serialises them already. Undefined: no such account in the company.
 */
export async function accountStanding(
  trx: Kysely<Database>,
  dialect: DialectName,
  companyId: string,
  userId: string,
): Promise<AccountStanding | undefined> {
  const query = trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', userId)
    .where('company_id', '=', companyId);
  const user = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  if (!user) return undefined;
  const seats = await trx.selectFrom('assignments').select('license_id').where('user_id', '=', userId).execute();
  const appointed = await trx
    .selectFrom('license_managers')
    .innerJoin('licenses', 'licenses.id', 'license_managers.license_id')
    .select('licenses.subscription_kind')
    .where('license_managers.user_id', '=', userId)
    .execute();
  return {
    userId: user.id,
    email: user.email,
    seatLicenseIds: seats.map((s) => s.license_id),
    managesAny: appointed.some((a) => isManagerOf(a.subscription_kind, true)),
  };
}

/**
 * Takes the account's row FOR SHARE (PostgreSQL) before it gains a seat or an appointment, so that
 * change and a password reset deciding on the account's standing run one after the other.
 */
export async function lockAccount(trx: Kysely<Database>, dialect: DialectName, userId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('users').select('id').where('id', '=', userId).forShare().execute();
}

/** The ids of the licenses the user manages (appointed, on a kind that has managers). */
export async function managedLicenseIds(trx: Kysely<Database>, userId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('license_managers')
    .innerJoin('licenses', 'licenses.id', 'license_managers.license_id')
    .select(['licenses.id', 'licenses.subscription_kind'])
    .where('license_managers.user_id', '=', userId)
    .execute();
  return new Set(rows.filter((r) => isManagerOf(r.subscription_kind, true)).map((r) => r.id));
}
