import type { Kysely } from 'kysely';
import { hashToken, newSessionToken } from '../auth/tokens';
import type { Database } from './schema';

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

/** The user id of a live session, extending it; undefined for unknown or expired tokens. */
export async function useSession(db: Kysely<Database>, token: string, now: Date): Promise<string | undefined> {
  const tokenHash = hashToken(token);
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return undefined;
  if (Date.parse(row.expires_at) <= now.getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return undefined;
  }
  if (now.getTime() - Date.parse(row.last_used_at) > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_used_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return row.user_id;
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
