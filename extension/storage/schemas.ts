import { z } from 'zod';
import { ErrorCodeSchema, IsoDateTimeSchema, StatusResponseSchema, UserSchema } from '@shared/schemas';

// Extension pages forbid eval (CSP script-src 'self'): tell zod not to probe for it, which would
// log a CSP violation on every page load.
z.config({ jitless: true });

/** Where the portal lives and how often the badge refreshes. */
export const SettingsSchema = z.object({
  portalUrl: z.url({ protocol: /^https?$/, error: 'enter the portal address, e.g. http://localhost:8787' }),
  refreshMinutes: z.int().check(z.gte(1), z.lte(1440)),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The signed-in user. The token is a secret: it never leaves storage except in an Authorization header. */
export const SessionSchema = z.object({
  token: z.string().check(z.minLength(20)),
  user: UserSchema,
  /** The portal that issued the token: a token is worthless against another portal. */
  portalUrl: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

/** The last refresh that failed, in the messages module's words. */
const RefreshErrorSchema = z.object({ code: z.union([ErrorCodeSchema, z.string()]), message: z.string() });

/** What the popup shows at once, before (or instead of) asking the portal. */
export const StatusCacheSchema = z.object({
  status: z.nullable(StatusResponseSchema),
  /** Last successful refresh (the user's "last checked"). */
  checkedAt: z.nullable(IsoDateTimeSchema),
  /** Last refresh attempt, successful or not. */
  attemptedAt: z.nullable(IsoDateTimeSchema),
  lastError: z.nullable(RefreshErrorSchema),
});
export type StatusCache = z.infer<typeof StatusCacheSchema>;

const DEFAULT_PORTAL_URL = 'http://localhost:8787';
export const DEFAULT_SETTINGS: Settings = { portalUrl: DEFAULT_PORTAL_URL, refreshMinutes: 15 };
export const EMPTY_CACHE: StatusCache = { status: null, checkedAt: null, attemptedAt: null, lastError: null };

/** The hosts a plain http:// portal may have: this machine, where nothing crosses a network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether signing in to this portal would send the password across the network in clear: a
 * plain http:// address of another machine. (https:// needs no permission: the browser checks the
 * certificate, and the portal answers CORS for extension origins.)
 */
export function sendsPasswordInClear(portalUrl: string): boolean {
  const url = new URL(portalUrl);
  return url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname);
}

/** A portal address as the origin-plus-path it is used with: no trailing slash, no query. */
export function normalizePortalUrl(input: string): string {
  const url = new URL(input.trim());
  return (url.origin + url.pathname).replace(/\/+$/, '');
}
