import type { Kysely } from 'kysely';
import type { AssignmentFacts } from '@shared/domain';
import type { Database } from './schema';

export interface AssignmentRow {
  user_id: string;
  email: string;
  first_name: string;
  last_name: string;
  assigned_at: string;
  is_manager: boolean;
}

/** Seat holders of a license, each flagged when appointed manager (managers keep their seat). */
export async function licenseAssignments(db: Kysely<Database>, licenseId: string): Promise<AssignmentRow[]> {
  const rows = await db
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
    .where('assignments.license_id', '=', licenseId)
    .orderBy('assignments.assigned_at')
    .orderBy('users.email')
    .execute();
  return rows.map(({ manager_id, ...r }) => ({ ...r, is_manager: manager_id !== null }));
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

/** Gives the user a seat; the caller has checked the seat limit under the license lock. */
export async function insertAssignment(
  db: Kysely<Database>,
  licenseId: string,
  userId: string,
  at: string,
): Promise<void> {
  await db.insertInto('assignments').values({ license_id: licenseId, user_id: userId, assigned_at: at }).execute();
}

/** Frees the seats of these users (those without one are skipped). */
export async function deleteAssignments(
  db: Kysely<Database>,
  licenseId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await db.deleteFrom('assignments').where('license_id', '=', licenseId).where('user_id', 'in', userIds).execute();
}
