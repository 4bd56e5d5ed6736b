import type { Kysely, Selectable } from 'kysely';
import { normalizeEmail, type AssignmentFacts } from '../../shared/domain';
import type { Database, UserTable } from './schema';

export type UserRow = Selectable<UserTable>;

export async function findCompanyByPublicId(db: Kysely<Database>, publicId: string) {
  return db.selectFrom('companies').selectAll().where('public_id_key', '=', publicId.trim().toLowerCase()).executeTakeFirst();
}

export async function findCompany(db: Kysely<Database>, id: string) {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<Database>, companyId: string, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('company_id', '=', companyId).where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export async function findUser(db: Kysely<Database>, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export interface NewUser {
  id: string;
  companyId: string;
  email: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  createdAt: string;
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      company_id: user.companyId,
      email: normalizeEmail(user.email),
      first_name: user.firstName,
      last_name: user.lastName,
      password_hash: user.passwordHash,
      must_change_password: user.mustChangePassword ? 1 : 0,
      created_at: user.createdAt,
    })
    .execute();
}

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
      join.onRef('license_managers.license_id', '=', 'assignments.license_id').onRef('license_managers.user_id', '=', 'assignments.user_id'),
    )
    .select(['assignments.user_id', 'users.email', 'users.first_name', 'users.last_name', 'assignments.assigned_at', 'license_managers.user_id as manager_id'])
    .where('assignments.license_id', '=', licenseId)
    .orderBy('assignments.assigned_at')
    .orderBy('users.email')
    .execute();
  return rows.map(({ manager_id, ...r }) => ({ ...r, is_manager: manager_id !== null }));
}

export function assignmentFacts(rows: readonly AssignmentRow[]): AssignmentFacts[] {
  return rows.map((r) => ({ userId: r.user_id, email: r.email, isManager: r.is_manager }));
}
