import type { Kysely } from 'kysely';
import { arg, compiledRead } from './compiled-read';
import type { LicenseRow } from './licenses';
import type { Database } from './schema';

/** A license with what the caller is to it: appointed manager, seat holder. */
export type LicenseWithCaller = LicenseRow & { appointed: boolean; assigned: boolean };

/** 0/1 on SQLite, booleans on PostgreSQL. */
const truthy = (value: unknown) => value === true || Number(value) === 1;

/** Licenses of company arg(0) with what user arg(1) is to each: two primary-key lookups per license. */
function withCaller(db: Kysely<Database>) {
  return db
    .selectFrom('licenses')
    .leftJoin('license_managers', (join) =>
      join.onRef('license_managers.license_id', '=', 'licenses.id').on('license_managers.user_id', '=', arg(1)),
    )
    .leftJoin('assignments', (join) =>
      join.onRef('assignments.license_id', '=', 'licenses.id').on('assignments.user_id', '=', arg(1)),
    )
    .selectAll('licenses')
    .select((eb) => [
      eb('license_managers.user_id', 'is not', null).as('appointed'),
      eb('assignments.user_id', 'is not', null).as('assigned'),
    ])
    .where('licenses.company_id', '=', arg(0));
}

const oneLicense = compiledRead((db) => withCaller(db).where('licenses.id', '=', arg(2)));

const visibleLicenses = compiledRead((db) =>
  withCaller(db)
    .where((eb) => eb.or([eb('license_managers.user_id', 'is not', null), eb('assignments.user_id', 'is not', null)]))
    .orderBy('licenses.created_at')
    .orderBy('licenses.id'),
);

/** The query's own fresh row, its two flags made booleans in place (no copy of the license's columns). */
const toRow = <R extends { appointed: unknown; assigned: unknown }>(row: R) =>
  Object.assign(row, { appointed: truthy(row.appointed), assigned: truthy(row.assigned) });

/** One license of the company with the caller's relation to it, in one query; undefined when not of the company. */
export async function licenseWithCaller(
  db: Kysely<Database>,
  companyId: string,
  userId: string,
  licenseId: string,
): Promise<LicenseWithCaller | undefined> {
  const [row] = await oneLicense(db, companyId, userId, licenseId);
  return row && toRow(row);
}

/** The licenses the user holds a seat of or was made manager of, oldest first, in one query. */
export async function visibleLicensesWithCaller(
  db: Kysely<Database>,
  companyId: string,
  userId: string,
): Promise<LicenseWithCaller[]> {
  return (await visibleLicenses(db, companyId, userId)).map(toRow);
}
