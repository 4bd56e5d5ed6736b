import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { messageFor, type ErrorCode } from '../../shared/domain';

/**
 * A request the API answers with an error body. Thrown from handlers and middleware (rather than
 * returned) because a Hono handler must end with a Response; app.onError turns it into one.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly field?: string,
    message?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? messageFor(code));
  }
}

/** Every error body: `{code, message, field?}`. */
export function errorResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }, error.status);
}

export const notFound = () => new ApiError(404, 'not_found');
