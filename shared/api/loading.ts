import type { ApiFailure } from './result';

/** One status value, so a page can never be "loading" and "offline" at once. */
export type LoadStatus = 'idle' | 'loading' | 'offline' | 'error';

/** A failed refresh: unreachable server means `offline` (the cache stays), anything else `error`. */
export function statusAfter(error: ApiFailure): LoadStatus {
  return error.status === 0 ? 'offline' : 'error';
}
