import { z } from 'zod';
import { ApiErrorSchema, ListHeadSchema, type ListHead } from '../schemas';
import { failure, parseRetryAfter, type ApiFailure, type ApiResult } from './result';

/** Rows handed on at a time: a large IndexedDB transaction each, not one per row. */
export const STREAM_BATCH = 5000;
/** The first batch is a screen and then some: handed on (stored, shown) before the next rows are read. */
export const FIRST_BATCH = 200;

/** What a streamed list call needs of the client. */
export interface StreamTarget {
  fetch: typeof globalThis.fetch;
  url: string;
  token: string | null | undefined;
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  const extra = retryAfterMs === undefined ? {} : { retryAfterMs };
  const body = ApiErrorSchema.safeParse(await response.json().catch(() => null));
  if (body.success) {
    const { code, message, field } = body.data;
    return { ...failure(code, response.status, extra), ...(message ? { message } : {}), ...(field ? { field } : {}) };
  }
  if (response.status === 401) return failure('unauthorized', response.status, extra);
  if (response.status >= 500 || response.status === 429) return failure('server_unavailable', response.status, extra);
  return failure('invalid_response', response.status, extra);
}

/** The lines of a body as they arrive (the last one may end without a newline). */
async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + decoder.decode(value, { stream: true })).split('\n');
    rest = parts.pop()!;
    for (const line of parts) if (line) yield line;
  }
  if (rest) yield rest;
}

/**
 * A whole list asked for as NDJSON (`?format=ndjson`): its rows handed to `onRows` a batch at a
 * time as they arrive (the next batch is read once `onRows` has finished with this one), each
 * parsed by `row`. Resolves with the list's head (cursor), or a failure; a row that does not
 * parse, or an answer cut short, is a failure too (the rows handed on stay stored: the next
 * whole list rewrites them).
 */
export async function streamList<S extends z.ZodType>(
  target: StreamTarget,
  field: 'devices' | 'users',
  row: S,
  onRows: (rows: z.infer<S>[]) => Promise<void>,
): Promise<ApiResult<ListHead>> {
  let response: Response;
  try {
    response = await target.fetch(target.url, {
      headers: { accept: 'application/x-ndjson', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    });
  } catch {
    return { ok: false, error: failure('network_error', 0) };
  }
  if (!response.ok) return { ok: false, error: await failureOf(response) };
  if (!response.body) return { ok: false, error: failure('invalid_response', response.status) };
  if (!response.headers.get('content-type')?.includes('ndjson')) return wholeAnswer(response, field, row, onRows);
  let head: ListHead | undefined;
  let batch: z.infer<S>[] = [];
  let handed = false;
  try {
    for await (const line of linesOf(response.body)) {
      const value: unknown = JSON.parse(line);
      if (!head) {
        const parsed = ListHeadSchema.safeParse(value);
        if (!parsed.success) return { ok: false, error: failure('invalid_response', response.status) };
        head = parsed.data;
        continue;
      }
      const parsed = row.safeParse(value);
      if (!parsed.success) return { ok: false, error: failure('invalid_response', response.status) };
      batch.push(parsed.data);
      if (batch.length >= (handed ? STREAM_BATCH : FIRST_BATCH)) {
        handed = true;
        await onRows(batch);
        batch = [];
      }
    }
  } catch {
    // The connection dropped mid-list, or a line was not JSON.
    return { ok: false, error: failure('network_error', 0) };
  }
  if (!head) return { ok: false, error: failure('invalid_response', response.status) };
  if (batch.length > 0) await onRows(batch);
  return { ok: true, data: head };
}

/** A server that answered one JSON document (it knows no `format`): its rows handed on in batches all the same. */
async function wholeAnswer<S extends z.ZodType>(
  response: Response,
  field: 'devices' | 'users',
  row: S,
  onRows: (rows: z.infer<S>[]) => Promise<void>,
): Promise<ApiResult<ListHead>> {
  const body: unknown = await response.json().catch(() => null);
  const head = ListHeadSchema.safeParse(body);
  const rows = z.array(row).safeParse((body as Record<string, unknown> | null)?.[field]);
  if (!head.success || !rows.success) return { ok: false, error: failure('invalid_response', response.status) };
  for (let start = 0; start < rows.data.length; start += STREAM_BATCH)
    await onRows(rows.data.slice(start, start + STREAM_BATCH));
  return { ok: true, data: head.data };
}
