import type { Kysely } from 'kysely';
import type { AssignmentFacts } from '@shared/domain';
import { bumpLicense } from './license-version';
import type { Database } from './schema';
import { inSlices } from './slices';

export interface AssignmentRow {
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  assigned_at: string;
  is_manager: boolean;
}

/** A license's seat holders with their names and manager flag (list-pages.ts pages through it). */
export function seatHolders(db: Kysely<Database>, licenseId: string) {
  return db
    .selectFrom('assignments')
    .innerJoin('users', 'users.id', 'assignments.user_id')
    .leftJoin('license_managers', (join) =>
      join
        .onRef('license_managers.license_id', '=', 'assignments.license_id')
        .onRef('license_managers.user_id', '=', 'assignments.user_id'),
    )
    .select([
      'assignments.user_id',
      'users.email',
      'users.first_name',
      'users.last_name',
      'assignments.assigned_at',
      'license_managers.user_id as manager_id',
    ])
    .where('assignments.license_id', '=', licenseId);
}

type SeatHolderRow = Omit<AssignmentRow, 'is_manager'> & { manager_id: string | null };
// Added to the rest object rather than spread into a new literal: in Node 20's V8 a spread and then a
// property is the slow path, and a license lists thousands of seat holders.
const toAssignment = ({ manager_id, ...r }: SeatHolderRow): AssignmentRow =>
  Object.assign(r, { is_manager: manager_id !== null });

/** Seat holders of a license, each flagged when appointed manager (managers keep their seat). */
export async function licenseAssignments(db: Kysely<Database>, licenseId: string): Promise<AssignmentRow[]> {
  const rows = await seatHolders(db, licenseId).orderBy('assignments.assigned_at').orderBy('users.email').execute();
  return rows.map(toAssignment);
}

/** Users whose seat was removed after `version` and who hold none now. */
export async function unassignedSince(db: Kysely<Database>, licenseId: string, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('assignment_tombstones')
    .select('user_id')
    .where('license_id', '=', licenseId)
    .where('version', '>', version)
    .execute();
  return rows.map((r) => r.user_id);
}

/** One seat holder, if they hold a seat. */
export async function findAssignment(
  db: Kysely<Database>,
  licenseId: string,
  userId: string,
): Promise<AssignmentRow | undefined> {
  const row = await seatHolders(db, licenseId).where('assignments.user_id', '=', userId).executeTakeFirst();
  return row ? toAssignment(row) : undefined;
}

/** The rules' view of a license's seat holders. */
export function assignmentFacts(rows: readonly AssignmentRow[]): AssignmentFacts[] {
  return rows.map((r) => ({ userId: r.user_id, email: r.email, isManager: r.is_manager }));
}

export async function isAssigned(db: Kysely<Database>, licenseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assignments')
    .select('user_id')
    .where('license_id', '=', licenseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives the user a seat under a new license version (vendor and seeding; the sync uses addSeat). */
export async function insertAssignment(
  db: Kysely<Database>,
  licenseId: string,
  userId: string,
  at: string,
): Promise<void> {
  const { version } = await bumpLicense(db, licenseId, { seats: 1 });
  await addSeat(db, licenseId, userId, at, version);
}

/** Gives the user a seat stamped `version`; the caller checked the seat limit under the license lock and counts it. */
export async function addSeat(
  db: Kysely<Database>,
  licenseId: string,
  userId: string,
  at: string,
  version: number,
): Promise<void> {
  await db
    .insertInto('assignments')
    .values({ license_id: licenseId, user_id: userId, assigned_at: at, version })
    .execute();
  await db
    .deleteFrom('assignment_tombstones')
    .where('license_id', '=', licenseId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Frees the seats of these users (those without one are skipped), leaving a tombstone stamped
 * `version` for each; returns how many seats were freed, for the caller to count.
 */
export async function removeSeats(
  db: Kysely<Database>,
  licenseId: string,
  userIds: readonly string[],
  at: string,
  version: number,
): Promise<number> {
  const deleted = await inSlices(userIds, (slice) =>
    db
      .deleteFrom('assignments')
      .where('license_id', '=', licenseId)
      .where('user_id', 'in', slice)
      .returning('user_id')
      .execute(),
  );
  const removed = deleted.map((r) => r.user_id);
  for (let start = 0; start < removed.length; start += 200) {
    const tombstones = removed
      .slice(start, start + 200)
      .map((userId) => ({ license_id: licenseId, user_id: userId, version, removed_at: at }));
    await db
      .insertInto('assignment_tombstones')
      .values(tombstones)
      .onConflict((oc) => oc.columns(['license_id', 'user_id']).doUpdateSet({ version, removed_at: at }))
      .execute();
  }
  return removed.length;
}

/** Stamps a seat holder's row with a new version (their row in the users list changed). */
export async function touchAssignment(
  db: Kysely<Database>,
  licenseId: string,
  userId: string,
  version: number,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ version })
    .where('license_id', '=', licenseId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Forgets the tombstones of seats removed before `before` (retention). Each license remembers the
 * newest version it forgot, so a cursor from before it gets the whole list again.
 */
export async function pruneTombstones(db: Kysely<Database>, before: string): Promise<void> {
  const forgotten = await db
    .selectFrom('assignment_tombstones')
    .select(['license_id', (eb) => eb.fn.max('version').as('version')])
    .where('removed_at', '<', before)
    .groupBy('license_id')
    .execute();
  for (const { license_id, version } of forgotten) {
    await db
      .updateTable('licenses')
      .set({ pruned_version: Number(version) })
      .where('id', '=', license_id)
      .where('pruned_version', '<', Number(version))
      .execute();
  }
  await db.deleteFrom('assignment_tombstones').where('removed_at', '<', before).execute();
}
