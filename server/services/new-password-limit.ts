import { newPasswordsKey } from '../auth/rate-limit';
import { countAttempt, uncountAttempt } from '../db/sign-in-limits';
import type { AppDeps } from '../deps';

/**
 * How many of `wanted` new passwords this user's request may have made now: at most the policy's
 * per request, and what is left of the user's budget in the current window (counted in the
 * database, so every server instance shares it). Taken in one upsert, so parallel requests each
 * get their own share; what is not granted is given back at once.
 */
export async function admitNewPasswords(deps: AppDeps, userId: string, wanted: number): Promise<number> {
  const { policy } = deps.limits;
  const asked = Math.min(wanted, policy.newPasswordsPerRequest);
  if (asked <= 0) return 0;
  const key = newPasswordsKey(userId);
  const { kysely } = deps.db;
  const count = await countAttempt(kysely, key, deps.now(), policy.newPasswordsWindowMs, asked);
  const granted = Math.max(0, Math.min(asked, policy.newPasswordsPerWindow - (count.attempts - asked)));
  if (granted < asked) await uncountAttempt(kysely, key, asked - granted);
  return granted;
}
