import type { Kysely } from 'kysely';
import type { SubscriptionKind } from '@shared/domain';
import { touchAssignment } from './assignments';
import { bumpLicense } from './license-version';
import { arg, compiledRead } from './compiled-read';
import type { Database } from './schema';

/** Ids of the licenses the user was made manager of. */
export async function appointedLicenseIds(db: Kysely<Database>, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('license_managers').select('license_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.license_id));
}

const managedKinds = compiledRead((db) =>
  db
    .selectFrom('license_managers')
    .innerJoin('licenses', 'licenses.id', 'license_managers.license_id')
    .select('licenses.subscription_kind')
    .where('license_managers.user_id', '=', arg(0)),
);

/** The kinds of the licenses the user was made manager of, for roleFor (sign-in, /me). */
export async function appointments(
  db: Kysely<Database>,
  userId: string,
): Promise<Array<{ kind: SubscriptionKind; appointedManager: boolean }>> {
  const rows = await managedKinds(db, userId);
  return rows.map((r) => ({ kind: r.subscription_kind, appointedManager: true }));
}

/** Makes the user a manager of the license; appointing them again changes nothing. */
export async function appointManager(db: Kysely<Database>, licenseId: string, userId: string): Promise<void> {
  await db.deleteFrom('license_managers').where('license_id', '=', licenseId).where('user_id', '=', userId).execute();
  await db.insertInto('license_managers').values({ license_id: licenseId, user_id: userId }).execute();
  // Their row in the users list now says manager.
  const { version } = await bumpLicense(db, licenseId);
  await touchAssignment(db, licenseId, userId, version);
}

/** The licenses the user was made manager of, with what a seat check needs. */
export async function appointedLicenses(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('license_managers')
    .innerJoin('licenses', 'licenses.id', 'license_managers.license_id')
    .select(['licenses.id', 'licenses.subscription_kind', 'licenses.quantity', 'licenses.seats_used'])
    .where('license_managers.user_id', '=', userId)
    .execute();
}
