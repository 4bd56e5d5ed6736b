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
  amount = 1,
): Promise<AttemptCount> {
  const at = now.toISOString();
  const ends = new Date(now.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('sign_in_limits')
    .values({ limit_key: key, attempts: amount, window_ends_at: ends })
    .onConflict((oc) =>
      oc.column('limit_key').doUpdateSet({
        attempts: sql<number>`case when sign_in_limits.window_ends_at <= ${at} then ${amount} else sign_in_limits.attempts + ${amount} end`,
        window_ends_at: sql<string>`case when sign_in_limits.window_ends_at <= ${at} then ${ends} else sign_in_limits.window_ends_at end`,
      }),
    )
    .returning(['attempts', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { attempts: Number(row.attempts), windowEndsAt: row.window_ends_at };
}

/** Takes back attempts counted in advance (they turned out not to be failures, or not to happen). */
export async function uncountAttempt(db: Kysely<Database>, key: string, amount = 1): Promise<void> {
  await db
    .updateTable('sign_in_limits')
    .set({ attempts: sql<number>`case when attempts > ${amount} then attempts - ${amount} else 0 end` })
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

/** Whether `key` has a counter whose window has not ended (a mark, see markUntil). */
export async function isCounted(db: Kysely<Database>, key: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_limits')
    .select('limit_key')
    .where('limit_key', '=', key)
    .where('window_ends_at', '>', now.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets a mark under `key` that lasts until `ends` (a later mark moves it on). */
export async function markUntil(db: Kysely<Database>, key: string, ends: Date): Promise<void> {
  const until = ends.toISOString();
  await db
    .insertInto('sign_in_limits')
    .values({ limit_key: key, attempts: 1, window_ends_at: until })
    .onConflict((oc) => oc.column('limit_key').doUpdateSet({ attempts: 1, window_ends_at: until }))
    .execute();
}
