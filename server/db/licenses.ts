import type { Kysely, Selectable } from 'kysely';
import { seatsFor, type LicenseFacts } from '@shared/domain';
import type { DialectName } from './dialect';
import { appointedLicenseIds } from './managers';
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

/** A license of any company: only the vendor CLI looks across companies. */
export async function findAnyLicense(db: Kysely<Database>, licenseId: string): Promise<LicenseRow | undefined> {
  return db.selectFrom('licenses').selectAll().where('id', '=', licenseId).executeTakeFirst();
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

/** Every license, oldest first, with its company's public id; optionally one company's only. */
export async function listAllLicenses(db: Kysely<Database>, companyPublicId?: string) {
  let q = db
    .selectFrom('licenses')
    .innerJoin('companies', 'companies.id', 'licenses.company_id')
    .selectAll('licenses')
    .select('companies.public_id as company');
  if (companyPublicId) q = q.where('companies.public_id_key', '=', companyPublicId.trim().toLowerCase());
  return q.orderBy('licenses.created_at').execute();
}

export async function insertLicense(db: Kysely<Database>, row: LicenseRow): Promise<void> {
  await db.insertInto('licenses').values(row).execute();
}

/** What the vendor may change about a license (rule 8). */
export type LicenseTerms = Pick<
  LicenseFacts,
  'quantity' | 'maxActivations' | 'maxDeactivations' | 'status' | 'validUntil'
>;

export async function setLicenseTerms(db: Kysely<Database>, licenseId: string, terms: LicenseTerms): Promise<void> {
  await db
    .updateTable('licenses')
    .set({
      quantity: terms.quantity,
      max_activations: terms.maxActivations,
      max_deactivations: terms.maxDeactivations,
      status: terms.status,
      valid_until: terms.validUntil,
    })
    .where('id', '=', licenseId)
    .execute();
}

/** Resets cost deactivations (rule 2); the vendor lifts the limit by starting again from 0. */
export async function setDeactivationCount(db: Kysely<Database>, licenseId: string, count: number): Promise<void> {
  await db.updateTable('licenses').set({ deactivation_count: count }).where('id', '=', licenseId).execute();
}

export interface LicenseCounts {
  activeDevices: number;
  assignments: number;
}

/** A license row's counters (kept by every writer): a row read with them needs no second query. */
export const countsOf = (row: LicenseRow): LicenseCounts => ({
  activeDevices: Number(row.active_devices),
  assignments: Number(row.seats_used),
});

/** Active devices and seats used, per license: the counters every writer keeps, O(1) per license. */
export async function licenseCounts(db: Kysely<Database>, licenseIds: string[]): Promise<Map<string, LicenseCounts>> {
  const counts = new Map<string, LicenseCounts>(licenseIds.map((id) => [id, { activeDevices: 0, assignments: 0 }]));
  if (licenseIds.length === 0) return counts;
  const rows = await db
    .selectFrom('licenses')
    .select(['id', 'active_devices', 'seats_used'])
    .where('id', 'in', licenseIds)
    .execute();
  for (const r of rows)
    counts.set(r.id, { activeDevices: Number(r.active_devices), assignments: Number(r.seats_used) });
  return counts;
}

/**
 * Locks every license of a sync chunk at once, in id order, so two chunks that touch the same
 * licenses take their locks in the same order and cannot deadlock (PostgreSQL; SQLite has one writer).
 */
export async function lockLicenses(
  trx: Kysely<Database>,
  dialect: DialectName,
  companyId: string,
  licenseIds: readonly string[],
): Promise<void> {
  if (dialect !== 'postgres' || licenseIds.length === 0) return;
  await trx
    .selectFrom('licenses')
    .select('id')
    .where('id', 'in', [...licenseIds])
    .where('company_id', '=', companyId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Ids of the licenses the user holds a seat of or was made manager of. */
export async function licensesHeldBy(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  const assigned = await db.selectFrom('assignments').select('license_id').where('user_id', '=', userId).execute();
  return new Set([...assigned.map((r) => r.license_id), ...(await appointedLicenseIds(db, userId))]);
}
