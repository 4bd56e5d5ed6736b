import type { Kysely } from 'kysely';
import { hashToken, newSessionToken } from '../auth/tokens';
import { arg, compiledRead } from './compiled-read';
import type { Database } from './schema';
import type { UserRow } from './users';

/** Sliding expiry: offline admins come back after days and still sync without signing in. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;
/** Refresh the stored expiry at most this often, so reads do not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(db: Kysely<Database>, userId: string, now: Date): Promise<string> {
  const token = newSessionToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_used_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
  return token;
}

const sessionUserQuery = compiledRead((db) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at as session_expires_at', 'sessions.last_used_at as session_last_used_at'])
    .where('sessions.token_hash', '=', arg(0)),
);

/**
 * The user of a live session, in one query, extending the session; undefined for unknown or
 * expired tokens. Reads do not write: the expiry moves at most once a minute.
 */
export async function sessionUser(db: Kysely<Database>, token: string, now: Date): Promise<UserRow | undefined> {
  const tokenHash = hashToken(token);
  const [row] = await sessionUserQuery(db, tokenHash);
  if (!row) return undefined;
  const { session_expires_at: expiresAt, session_last_used_at: lastUsedAt, ...user } = row;
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
  return user;
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
