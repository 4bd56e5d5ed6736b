import { requestMessageFor } from '../domain';

/** A failed call as a value: a stable code, the user's text, and what the caller needs to retry. */
export interface ApiFailure {
  code: string;
  message: string;
  /** HTTP status; 0 when the server was not reached. */
  status: number;
  field?: string;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

/** A failure with the messages module's text for its code. */
export function failure(code: string, status: number, extra: Partial<ApiFailure> = {}): ApiFailure {
  return { code, status, message: requestMessageFor(code), ...extra };
}

/** Transient failures worth retrying with backoff: network, 408, 429, 5xx. */
export function isRetryable(error: ApiFailure): boolean {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The same result with its data mapped; a failure passes through unchanged. */
export async function mapData<T, U>(result: Promise<ApiResult<T>>, map: (data: T) => U): Promise<ApiResult<U>> {
  const res = await result;
  return res.ok ? { ok: true, data: map(res.data) } : res;
}
