import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { normalizeEmail } from '@shared/domain';
import type { CompanyTable, Database, UserTable } from './schema';
import { inSlices } from './slices';

export type UserRow = Selectable<UserTable>;

export async function findCompanyByPublicId(db: Kysely<Database>, publicId: string) {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('public_id_key', '=', publicId.trim().toLowerCase())
    .executeTakeFirst();
}

/** True once any company exists (an empty database gets the demo data). */
export async function hasCompanies(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function insertCompany(db: Kysely<Database>, company: Insertable<CompanyTable>): Promise<void> {
  await db.insertInto('companies').values(company).execute();
}

/** The vendor's links of one company; null puts back the server's default. */
export async function setCompanyLinks(
  db: Kysely<Database>,
  companyId: string,
  links: Partial<Pick<CompanyTable, 'contact_url' | 'upgrade_url'>>,
): Promise<void> {
  await db.updateTable('companies').set(links).where('id', '=', companyId).execute();
}

export async function findUserByEmail(
  db: Kysely<Database>,
  companyId: string,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
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
  /** When an initial password a manager's change set stops working (absent: never). */
  initialPasswordExpiresAt?: string;
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
      initial_password_expires_at: user.initialPasswordExpiresAt ?? null,
    })
    .execute();
}

/**
 * The password the user chose, if their password is still at `version` (the one their session was
 * made under): it raises the version, which ends every session made under the old one, and no
 * initial password is pending any more. Returns the new version, or undefined when the password
 * changed meanwhile (another session, a reset) and nothing was written.
 */
export async function setPassword(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  version: number,
): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: 0,
      initial_password_expires_at: null,
      password_version: sql<number>`password_version + 1`,
    })
    .where('id', '=', userId)
    .where('password_version', '=', version)
    .returning('password_version')
    .executeTakeFirst();
  return row?.password_version;
}

/**
 * A new initial password the user must replace at the next sign-in, before `expiresAt` (a
 * manager's reset). Raises the password version: every session of the user ends.
 */
export async function setInitialPassword(
  db: Kysely<Database>,
  userId: string,
  passwordHash: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: 1,
      initial_password_expires_at: expiresAt,
      password_version: sql<number>`password_version + 1`,
    })
    .where('id', '=', userId)
    .execute();
}

/** Which of these emails already have an account in the company (normalized). */
export async function existingEmails(
  db: Kysely<Database>,
  companyId: string,
  emails: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(emails.map(normalizeEmail))];
  const rows = await inSlices(wanted, (slice) =>
    db.selectFrom('users').select('email').where('company_id', '=', companyId).where('email', 'in', slice).execute(),
  );
  return new Set(rows.map((r) => r.email));
}
