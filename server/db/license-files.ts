import type { Kysely } from 'kysely';
import { touchAssignment } from './assignments';
import { arg, compiledRead } from './compiled-read';
import { bumpLicense } from './license-version';
import type { Database, LicenseFileTable } from './schema';

/** The license file a company imported last, if any. */
export async function currentLicenseFile(
  db: Kysely<Database>,
  companyId: string,
): Promise<LicenseFileTable | undefined> {
  return db.selectFrom('license_files').selectAll().where('company_id', '=', companyId).executeTakeFirst();
}

const licenseFileAndValidity = compiledRead((db) =>
  db
    .selectFrom('license_files')
    .innerJoin('licenses', (join) =>
      join.onRef('licenses.company_id', '=', 'license_files.company_id').on('licenses.id', '=', arg(1)),
    )
    .select(['license_files.file', 'licenses.valid_until'])
    .where('license_files.company_id', '=', arg(0)),
);

/**
 * What a device certificate carries from the database: the company's current license file and the
 * license's validity; undefined without either. One precompiled read (on SQLite's read-only
 * connection, so an activation's certificate never waits behind the next group's write transaction).
 */
export async function certificateSources(
  db: Kysely<Database>,
  companyId: string,
  licenseId: string,
): Promise<{ file: string; valid_until: string | null } | undefined> {
  const [row] = await licenseFileAndValidity(db, companyId, licenseId);
  return row as { file: string; valid_until: string | null } | undefined;
}

/** Keeps `file` as the company's current license file (insert or replace). */
export async function storeLicenseFile(db: Kysely<Database>, row: LicenseFileTable): Promise<void> {
  await db
    .insertInto('license_files')
    .values(row)
    .onConflict((oc) =>
      oc.column('company_id').doUpdateSet({
        serial: row.serial,
        signed_by: row.signed_by,
        file: row.file,
        imported_at: row.imported_at,
      }),
    )
    .execute();
}

/** Companies that never imported a signed license file (an older database, before the vendor signed). */
export async function unsignedCompanies(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('companies')
    .leftJoin('license_files', 'license_files.company_id', 'companies.id')
    .where('license_files.company_id', 'is', null)
    .select('companies.public_id')
    .orderBy('companies.public_id')
    .execute();
  return rows.map((r) => r.public_id);
}

/** The server's own signing key (PKCS#8 PEM), if made. */
export async function findServerKey(db: Kysely<Database>) {
  return db.selectFrom('server_keys').selectAll().orderBy('created_at').executeTakeFirst();
}

/** Stores the server key unless another process stored one first (then that one wins). */
export async function insertServerKey(
  db: Kysely<Database>,
  row: { fingerprint: string; private_pem: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('server_keys')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The managers' emails of each of the licenses, for the vendor tool's picture of a company. */
export async function managerEmailsOf(db: Kysely<Database>, licenseIds: string[]): Promise<Map<string, string[]>> {
  const byLicense = new Map<string, string[]>(licenseIds.map((id) => [id, []]));
  if (licenseIds.length === 0) return byLicense;
  const rows = await db
    .selectFrom('license_managers')
    .innerJoin('users', 'users.id', 'license_managers.user_id')
    .select(['license_managers.license_id', 'users.email'])
    .where('license_managers.license_id', 'in', licenseIds)
    .orderBy('users.email')
    .execute();
  for (const r of rows) byLicense.get(r.license_id)?.push(r.email);
  return byLicense;
}

/** What a license file may say about a license besides its terms: its name, kind and type. */
export async function setLicenseIdentity(
  db: Kysely<Database>,
  licenseId: string,
  identity: Pick<Database['licenses'], 'name' | 'subscription_kind' | 'license_type'>,
): Promise<void> {
  await db.updateTable('licenses').set(identity).where('id', '=', licenseId).execute();
}

/** The user is no longer a manager of the license (a license file that no longer names them); they keep any seat. */
export async function dismissManager(db: Kysely<Database>, licenseId: string, userId: string): Promise<void> {
  await db.deleteFrom('license_managers').where('license_id', '=', licenseId).where('user_id', '=', userId).execute();
  // Their row in the users list no longer says manager.
  const { version } = await bumpLicense(db, licenseId);
  await touchAssignment(db, licenseId, userId, version);
}

/** Companies whose current license file is signed by a key not among `trusted` (e.g. the demo key, once a real one is set). */
export async function companiesSignedByOthers(db: Kysely<Database>, trusted: string[]): Promise<string[]> {
  let q = db
    .selectFrom('license_files')
    .innerJoin('companies', 'companies.id', 'license_files.company_id')
    .select('companies.public_id');
  if (trusted.length > 0) q = q.where('license_files.signed_by', 'not in', trusted);
  return (await q.orderBy('companies.public_id').execute()).map((r) => r.public_id);
}
