import type { ApiFailure, ApiResult } from './result';
import { statusAfter, type LoadStatus } from './loading';

/** Where one load keeps its state (a ref, or one key of a per-license record). */
export interface LoadSlot {
  setStatus(status: LoadStatus): void;
  setError(error: ApiFailure | null): void;
}

/** What every load needs from its store: the portal clock and the session to tell of a 401. */
export interface LoadDeps {
  now: () => Date;
  session: { noteFailure(failure: ApiFailure): void };
}

/**
 * One fetch's status/error bookkeeping, shared by every store: `loading` while in flight; a
 * failure sets `offline` (unreachable) or `error`, and a 401 tells the session it ended (other
 * failures leave the session's own status alone). `apply` gets the data and the request's START
 * time: a command settled while the request was in flight may be missing from the answer, so
 * stamping that time as fetchedAt keeps the overlay applying it (see outbox.effectiveRows).
 * The slot goes back to `idle` only after `apply` has finished. Returns whether it succeeded.
 */
export async function trackLoad<T>(
  deps: LoadDeps,
  slot: LoadSlot,
  request: () => Promise<ApiResult<T>>,
  apply: (data: T, startedAt: string) => void | Promise<void>,
): Promise<boolean> {
  slot.setStatus('loading');
  const startedAt = deps.now().toISOString();
  const res = await request();
  if (!res.ok) {
    slot.setError(res.error);
    slot.setStatus(statusAfter(res.error));
    if (res.error.status === 401) deps.session.noteFailure(res.error);
    return false;
  }
  const applied = apply(res.data, startedAt);
  if (applied) await applied; // a synchronous apply settles in the same tick as the status
  slot.setStatus('idle');
  slot.setError(null);
  return true;
}

/** A slot that is one key of per-license `statuses`/`errors` records. */
export function keyedSlot(
  statuses: Record<string, LoadStatus>,
  errors: Record<string, ApiFailure | null>,
  key: string,
): LoadSlot {
  return {
    setStatus: (status) => (statuses[key] = status),
    setError: (error) => (errors[key] = error),
  };
}
