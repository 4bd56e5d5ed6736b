import { INITIAL_PASSWORD_KEEP_HOURS } from '../domain';
import type { CommandResult, OutboxRow, Settled } from '../schemas';

/**
 * Initial passwords on the device. An assign (or a password reset) carries the one the client
 * made in its payload; the server returns the one it made in the command's result. Either stays
 * readable on the Changes page, for the manager to pass on, until the manager dismisses it or
 * INITIAL_PASSWORD_KEEP_MS after the command was done; then it is removed from IndexedDB.
 */
export const INITIAL_PASSWORD_KEEP_MS = INITIAL_PASSWORD_KEEP_HOURS * 3_600_000;

/** The initial password a row holds (the payload's, else the result's), if any. */
export function initialPasswordOf(row: Pick<OutboxRow, 'kind' | 'payload' | 'settled'>): string | undefined {
  const payload = row.payload as { initialPassword?: string };
  return payload.initialPassword ?? row.settled?.result?.initialPassword;
}

/** The row without any initial password (payload and result). */
export function withoutInitialPassword(row: OutboxRow): OutboxRow {
  const { initialPassword: _typed, ...payload } = row.payload as { initialPassword?: string };
  return { ...row, payload, ...(row.settled ? { settled: withoutMadePassword(row.settled) } : {}) } as OutboxRow;
}

/** An answer without the password the server made (returned once, in its result). */
export function withoutMadePassword<T extends { result?: CommandResult | undefined }>(answer: T): T {
  if (!answer.result?.initialPassword) return answer;
  const { initialPassword: _made, ...result } = answer.result;
  return { ...answer, result };
}

/** The command was done: applied, or already done before. */
export const wasDone = (s: Pick<Settled, 'outcome'> | undefined) =>
  s?.outcome === 'applied' || s?.outcome === 'already_done';

/**
 * Whether a settled command's initial password should leave the device: it applied to no account
 * (already done, or the account existed and kept its own), or it was done long enough ago. A
 * refused or conflicting command keeps it: retried, it sends the same one.
 */
export function initialPasswordIsDue(settled: Settled | undefined, now: Date): boolean {
  if (!settled || !wasDone(settled)) return false;
  if (settled.outcome === 'already_done' || settled.result?.created === false) return true;
  return now.getTime() - Date.parse(settled.settledAt) >= INITIAL_PASSWORD_KEEP_MS;
}
