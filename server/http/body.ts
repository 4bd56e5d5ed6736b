import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../services/errors';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

/** Requests of these methods carry no body the API reads. */
export const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether the request announces a body: a non-zero Content-Length, or a chunked one. */
function hasBody(headers: { get(name: string): string | null | undefined }): boolean {
  const length = headers.get('content-length');
  return (length != null && length.trim() !== '0') || headers.get('transfer-encoding') != null;
}

/**
 * Every API body is JSON, said so by its Content-Type (415 otherwise), and at most `maxBytes`
 * (413, before it is read). Besides a clear error for a wrong client, the JSON rule makes a
 * cross-site form or `text/plain` fetch from any web page need a CORS preflight, which only the
 * extension's origins pass: a page an employee opens cannot post sign-ins. The app runs it only
 * for methods that carry a body (not BODYLESS_METHODS): looking for one would make the adapter
 * build a full Request with a body stream, on every GET the extensions poll.
 */
export function jsonBodyWithin(maxBytes: number) {
  const tooLarge = (c: Context<AppEnv>) => {
    // The rest of the body is never read: close the connection so it is not reused mid-upload.
    return errorResponse(c, new DomainError('payload_too_large'), { connection: 'close' });
  };
  const limit = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    if (hasBody({ get: (name) => c.req.header(name) })) {
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (mediaType !== 'application/json') throw new DomainError('unsupported_media_type');
    }
    // A declared length is checked as bodyLimit checks it, without looking at the body: asking
    // for it makes the adapter build a full Request with a stream on every POST (the licensed
    // product's activations and check-ins), where the handler's text() reads the socket directly.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined)
      return Number.parseInt(length, 10) > maxBytes ? tooLarge(c) : next();
    return limit(c, next);
  });
}

/**
 * Reads the rest of a request body nobody read (a 401, 404 or 415 answers before the body is
 * looked at) before the answer goes out. Left unread on a keep-alive connection, those bytes
 * stall it and the server drops it, so the client's next request on it fails. `maxBytes` bounds
 * the work: past it (only a chunked body can get there) the connection is closed instead. Run
 * only for methods that carry a body.
 */
export function drainUnreadBody(maxBytes: number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.res.headers.get('connection') === 'close') return;
    const request = c.req.raw;
    if (request.bodyUsed || !request.body) return;
    const reader = request.body.getReader();
    let read = 0;
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) return;
        read += chunk.value.byteLength;
        if (read > maxBytes) {
          c.res.headers.set('Connection', 'close');
          await reader.cancel();
          return;
        }
      }
    } catch {
      // The client went away mid-body: there is nobody left to answer.
    }
  });
}

/** A request whose client closed the connection mid-body: Node's "aborted" (ECONNRESET) while reading it. */
export function isClientAbort(error: unknown): boolean {
  return (
    error instanceof Error && (error as NodeJS.ErrnoException).code === 'ECONNRESET' && error.message === 'aborted'
  );
}
