import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '@shared/domain';
import type { DomainError } from '../services/errors';
import type { AppEnv } from './env';
import { json } from './respond';

/**
 * The HTTP status of every code that ends a request, in one place. The other codes come back
 * inside a sync result (with 200) or are the clients' own; one thrown without a status here is a
 * server bug and answers 500.
 */
const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  invalid_request: 400,
  wrong_current_password: 400,
  same_password: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  password_change_required: 403,
  initial_password_expired: 403,
  not_license_manager: 403,
  not_assigned: 403,
  license_disabled: 403,
  license_expired: 403,
  license_inactive: 403,
  not_found: 404,
  license_file_malformed: 422,
  license_file_unknown_key: 422,
  license_file_bad_signature: 422,
  license_file_wrong_company: 422,
  license_file_stale_serial: 409,
  license_file_demo_key: 422,
  license_file_no_vendor_key: 503,
  activation_limit_reached: 409,
  hardware_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  server_unavailable: 503,
};

/** The HTTP status of a code (500 for one that should never end a request). */
export const statusOf = (code: ErrorCode): ContentfulStatusCode => STATUS[code] ?? 500;

/** Every error body: `{code, message, field?}` with the code's status, plus Retry-After when known. */
export function errorResponse(c: Context<AppEnv>, error: DomainError, extra?: Record<string, string>): Response {
  return json(
    c,
    { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
    statusOf(error.code),
    error.retryAfterSeconds === undefined ? extra : { 'retry-after': String(error.retryAfterSeconds), ...extra },
  );
}
