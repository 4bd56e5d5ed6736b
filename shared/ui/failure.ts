import { errorText, rateLimitedText } from '../domain';
import type { Text } from '../i18n';

/**
 * The client's own words for a failed call, from its stable `code` (never the server's English
 * `message`). A 429 during sign-in or a password change says how long to wait, from Retry-After.
 */
export function failureText(
  failure: { code: string; retryAfterMs?: number | undefined },
  during?: 'sign-in' | 'password-change',
): Text {
  if (failure.code === 'rate_limited' && during && failure.retryAfterMs !== undefined)
    return rateLimitedText(failure.retryAfterMs / 1000, during);
  return errorText(failure.code);
}
