import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { cameOverHttps } from './client';
import type { AppEnv } from './env';
import { carriesApiHeaders } from './respond';

const HSTS = 'max-age=15552000; includeSubDomains';

/**
 * HSTS only on answers to HTTPS requests: over plain HTTP it is meaningless at best, and on a
 * portal reached over HTTP it would tell browsers something untrue about its host.
 */
function strictTransportSecurity(c: Context<AppEnv>): void {
  if (cameOverHttps(c)) c.res.headers.set('Strict-Transport-Security', HSTS);
}

const pwaHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
  // The same as frame-ancestors 'none', for browsers that know only this header (Hono's default,
  // SAMEORIGIN, said something else than the CSP).
  xFrameOptions: 'DENY',
});

/** The PWA's pages and files: a CSP it runs under (its own scripts, styles, worker and manifest; data: images) and the usual hardening. */
export const pageHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await pwaHeaders(c, async () => {
    await next();
    strictTransportSecurity(c);
  });
});

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/** What every JSON answer carries, whoever asks. */
const API_HEADERS = Object.freeze({
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  vary: 'Origin',
});

/**
 * What a JSON answer needs: never cached (per user, changes often), never sniffed, rendered or
 * framed as a document, no referrer; CORS for the browser extension, which calls the API from its
 * own origin with a Bearer token, never cookies (other origins get no CORS headers); HSTS over HTTPS.
 */
function apiHeadersFor(c: Context<AppEnv>, allowedOrigin: string | undefined): Readonly<Record<string, string>> {
  const https = cameOverHttps(c);
  if (!allowedOrigin && !https) return API_HEADERS;
  return {
    ...API_HEADERS,
    ...(allowedOrigin
      ? { 'access-control-allow-origin': allowedOrigin, 'access-control-expose-headers': 'Retry-After' }
      : {}),
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Sets `apiHeaders` for http/respond.ts, which builds each answer with them in one plain object:
 * the Node adapter then writes it as it is, where touching a finished response's headers makes it
 * build a Headers object and a full Response first (a tenth of a /status poll, measured). An
 * answer built some other way gets the same headers added here. A preflight is answered here,
 * before any handler.
 */
export const apiHeaders = createMiddleware<AppEnv>(async (c, next) => {
  const origin = c.req.header('origin');
  const allowed = origin !== undefined && EXTENSION_ORIGIN.test(origin) ? origin : undefined;
  if (c.req.method === 'OPTIONS') {
    const headers = new Headers({ Vary: 'Origin' });
    if (allowed) {
      headers.set('Access-Control-Allow-Origin', allowed);
      headers.set('Access-Control-Allow-Methods', 'GET,POST,OPTIONS');
      headers.set('Access-Control-Allow-Headers', 'Authorization,Content-Type');
      headers.set('Access-Control-Max-Age', '600');
    }
    return new Response(null, { status: 204, headers });
  }
  const headers = apiHeadersFor(c, allowed);
  c.set('apiHeaders', headers);
  await next();
  if (carriesApiHeaders(c.res)) return;
  const answer = c.res.headers;
  // Rebuilt from one that had them (compression does): they are there already. A mark cannot
  // follow it, since Hono's c.res setter copies the answer it is given.
  if (answer.has('x-content-type-options')) return;
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'vary') answer.append(name, value);
    else answer.set(name, value);
  }
});
