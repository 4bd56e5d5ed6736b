import { sql, type Kysely, type Selectable } from 'kysely';
import { seatsFor, type LicenseFacts, type SubscriptionKind } from '../../shared/domain';
import type { DialectName } from './dialect';
import type { Database, LicenseTable } from './schema';

export type LicenseRow = Selectable<LicenseTable>;

/** The rules' view of a stored license. */
export function licenseFacts(row: LicenseRow): LicenseFacts {
  return {
    id: row.id,
    subscriptionKind: row.subscription_kind,
    licenseType: row.license_type,
    status: row.status,
    validUntil: row.valid_until,
    quantity: row.quantity,
    maxActivations: row.max_activations,
    maxDeactivations: row.max_deactivations,
    deactivationCount: row.deactivation_count,
    maxLicenseUsers: seatsFor(row.subscription_kind, row.quantity),
  };
}

/** A license of the company, or undefined: other companies' licenses do not exist for the caller. */
export async function findLicense(db: Kysely<Database>, companyId: string, licenseId: string): Promise<LicenseRow | undefined> {
  return db.selectFrom('licenses').selectAll().where('id', '=', licenseId).where('company_id', '=', companyId).executeTakeFirst();
}

/**
 * Same as findLicense, inside a transaction that will change the license: on PostgreSQL the row
 * is locked so concurrent commands on one license decide one after another. SQLite transactions
 * already run one at a time (one connection, one writer).
 */
export async function lockLicense(
  trx: Kysely<Database>,
  dialect: DialectName,
  companyId: string,
  licenseId: string,
): Promise<LicenseRow | undefined> {
  const query = trx.selectFrom('licenses').selectAll().where('id', '=', licenseId).where('company_id', '=', companyId);
  return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** Licenses a user may see: those they hold a seat of or were made manager of. */
export async function visibleLicenses(db: Kysely<Database>, companyId: string, userId: string): Promise<LicenseRow[]> {
  return db
    .selectFrom('licenses')
    .selectAll()
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('assignments').select('license_id').where('user_id', '=', userId)),
        eb('id', 'in', eb.selectFrom('license_managers').select('license_id').where('user_id', '=', userId)),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function isAppointedManager(db: Kysely<Database>, licenseId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('license_managers').select('user_id').where('license_id', '=', licenseId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export async function isAssigned(db: Kysely<Database>, licenseId: string, userId: string): Promise<boolean> {
  const row = await db.selectFrom('assignments').select('user_id').where('license_id', '=', licenseId).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

export interface LicenseCounts {
  activeDevices: number;
  assignments: number;
}

/** Active devices and seats used, per license. */
export async function licenseCounts(db: Kysely<Database>, licenseIds: string[]): Promise<Map<string, LicenseCounts>> {
  const counts = new Map<string, LicenseCounts>(licenseIds.map((id) => [id, { activeDevices: 0, assignments: 0 }]));
  if (licenseIds.length === 0) return counts;
  const devices = await db
    .selectFrom('devices')
    .select(['license_id', sql<number>`count(*)`.as('n')])
    .where('license_id', 'in', licenseIds)
    .where('active', '=', 1)
    .groupBy('license_id')
    .execute();
  const seats = await db
    .selectFrom('assignments')
    .select(['license_id', sql<number>`count(*)`.as('n')])
    .where('license_id', 'in', licenseIds)
    .groupBy('license_id')
    .execute();
  for (const d of devices) counts.get(d.license_id)!.activeDevices = Number(d.n);
  for (const s of seats) counts.get(s.license_id)!.assignments = Number(s.n);
  return counts;
}

/** License ids (among `licenseIds`) the user holds a seat of or manages. */
export async function licensesHeldBy(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  const assigned = await db.selectFrom('assignments').select('license_id').where('user_id', '=', userId).execute();
  const managed = await db.selectFrom('license_managers').select('license_id').where('user_id', '=', userId).execute();
  return new Set([...assigned, ...managed].map((r) => r.license_id));
}

/** License ids the user was made manager of, with their kinds, for roleFor. */
export async function appointments(db: Kysely<Database>, userId: string): Promise<Array<{ kind: SubscriptionKind; appointedManager: boolean }>> {
  const rows = await db
    .selectFrom('license_managers')
    .innerJoin('licenses', 'licenses.id', 'license_managers.license_id')
    .select('licenses.subscription_kind')
    .where('license_managers.user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ kind: r.subscription_kind, appointedManager: true }));
}
