import type { ApiFailure } from '../api';

/** Status is a small union, not a handful of booleans (STYLE.md rule 8). */
export type LoadStatus = 'idle' | 'loading' | 'offline' | 'error';

/** A failed refresh: unreachable server means `offline` (the cache stays), anything else `error`. */
export function statusAfter(error: ApiFailure): LoadStatus {
  return error.status === 0 ? 'offline' : 'error';
}
