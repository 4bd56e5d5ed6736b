import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  attempts: number;
  /** When the window ends and the count starts again from nothing (ISO-8601). */
  windowEndsAt: string;
}

/**
 * Counts one attempt under `key` in a fixed window and returns the new count, in one statement:
 * concurrent attempts (from any server instance) each see their own count, so no burst of
 * parallel guesses can all read "under the limit". A window that has ended starts again at 1.
 */
export async function countAttempt(
  db: Kysely<Database>,
  key: string,
  now: Date,
  windowMs: number,
): Promise<AttemptCount> {
  const at = now.toISOString();
  const ends = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('sign_in_limits')
    .values({ limit_key: key, attempts: 1, window_ends_at: ends })
    .onConflict((oc) =>
      oc.column('limit_key').doUpdateSet({
        attempts: sql<number>`case when sign_in_limits.window_ends_at <= ${at} then 1 else sign_in_limits.attempts + 1 end`,
        window_ends_at: sql<string>`case when sign_in_limits.window_ends_at <= ${at} then ${ends} else sign_in_limits.window_ends_at end`,
      }),
    )
    .returning(['attempts', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), windowEndsAt: row.window_ends_at };
}

/** Takes back one attempt counted in advance (it turned out not to be a failure). */
export async function uncountAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('sign_in_limits')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('limit_key', '=', key)
    .where('attempts', '>', 0)
    .execute();
}

export async function clearAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_limits').where('limit_key', '=', key).execute();
}

/** Forgets counters whose window has ended (keys nobody tries again would stay otherwise). */
export async function deleteEndedWindows(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sign_in_limits').where('window_ends_at', '<=', now.toISOString()).execute();
}
