import type { Kysely } from 'kysely';
import { hashToken, newSessionToken } from '../auth/tokens';
import { arg, compiledRead } from './compiled-read';
import type { CompanyTable, Database } from './schema';
import type { UserRow } from './users';

/** Sliding expiry: offline admins come back after days and still sync without signing in. */
const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** Refresh the stored expiry at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * A new session for the user, bound to the password version whose hash was just checked: made
 * only while that version is still the user's (in one statement, so a password change committed
 * meanwhile makes it fail: undefined), and ended by any later change (see sessionUser).
 */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  passwordVersion: number,
  now: Date,
): Promise<string | undefined> {
  const token = newSessionToken();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  const { numInsertedOrUpdatedRows } = await db
    .insertInto('sessions')
    .columns(['token_hash', 'user_id', 'password_version', 'created_at', 'last_used_at', 'expires_at'])
    .expression((eb) =>
      eb
        .selectFrom('users')
        .select([
          eb.val(hashToken(token)).as('token_hash'),
          'users.id',
          'users.password_version',
          eb.val(at).as('created_at'),
          eb.val(at).as('last_used_at'),
          eb.val(expires).as('expires_at'),
        ])
        .where('users.id', '=', userId)
        .where('users.password_version', '=', passwordVersion),
    )
    .executeTakeFirst();
  return Number(numInsertedOrUpdatedRows ?? 0) === 1 ? token : undefined;
}

/** The session keeps working after its own user changed the password: it moves to the new version. */
export async function moveSessionToVersion(db: Kysely<Database>, token: string, version: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ password_version: version })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

/** What a signed-in user's answers show of their company. */
type CallerCompany = Pick<CompanyTable, 'id' | 'public_id' | 'name' | 'contact_url' | 'upgrade_url'>;

/** A signed-in user with their company. */
export type SessionUser = UserRow & { company: CallerCompany };

const sessionUserQuery = compiledRead((db) =>
  db
    .selectFrom('sessions')
    // A session made under an older password is no session (a change or reset raised the version).
    .innerJoin('users', (join) =>
      join.onRef('users.id', '=', 'sessions.user_id').onRef('users.password_version', '=', 'sessions.password_version'),
    )
    .innerJoin('companies', 'companies.id', 'users.company_id')
    .selectAll('users')
    .select([
      'sessions.expires_at as session_expires_at',
      'sessions.last_used_at as session_last_used_at',
      'companies.public_id as company_public_id',
      'companies.name as company_name',
      'companies.contact_url as company_contact_url',
      'companies.upgrade_url as company_upgrade_url',
    ])
    .where('sessions.token_hash', '=', arg(0)),
);

/**
 * The user of a live session and their company, in one query (/me and /status need the company's
 * name and links: a second lookup was a third of a /status poll's queries), extending the
 * session; undefined for unknown or expired tokens. Reads do not write: the expiry moves at most
 * once a minute.
 */
export async function sessionUser(db: Kysely<Database>, token: string, now: Date): Promise<SessionUser | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await sessionUserQuery(db, tokenHash);
  if (!row) return undefined;
  const {
    session_expires_at: expiresAt,
    session_last_used_at: lastUsedAt,
    company_public_id: publicId,
    company_name: companyName,
    company_contact_url: contactUrl,
    company_upgrade_url: upgradeUrl,
    ...user
  } = row;
  if (Date.parse(expiresAt) <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return undefined;
  }
  if (now.getTime() - Date.parse(lastUsedAt) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_used_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const company = {
    id: user.company_id,
    public_id: publicId,
    name: companyName,
    contact_url: contactUrl,
    upgrade_url: upgradeUrl,
  };
  // The rest object is this call's own: adding to it spares a second copy of the user on every request.
  return Object.assign(user, { company });
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** After a password change every other session of the user ends. */
export async function deleteOtherSessions(db: Kysely<Database>, userId: string, keepToken: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', hashToken(keepToken))
    .execute();
}

/** Every session of the user ends (their password was reset). */
export async function deleteAllSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
