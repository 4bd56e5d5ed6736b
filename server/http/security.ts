import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { cameOverHttps } from './client';
import type { AppEnv } from './env';

/**
 * HSTS only on answers to HTTPS requests: over plain HTTP it is meaningless at best, and on a
 * portal reached over HTTP it would tell browsers something untrue about its host.
 */
function strictTransportSecurity(c: Context<AppEnv>): void {
  if (cameOverHttps(c)) c.res.headers.set('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
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
});

/** The PWA's pages and files: a CSP it runs under (its own scripts, styles, worker and manifest; data: images) and the usual hardening. */
export const pageHeaders = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.path.startsWith('/api/')) return next();
  await pwaHeaders(c, async () => {
    await next();
    strictTransportSecurity(c);
  });
});

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/**
 * What a JSON answer needs: never cached (per user, changes often), never sniffed, rendered or
 * framed as a document, no referrer; CORS for the browser extension, which calls the API from its
 * own origin with a Bearer token, never cookies (other origins get no CORS headers).
 *
 * One middleware instead of hono/cors + hono/secure-headers: hono/cors touches the response
 * before the handler runs and appends Vary with c.header() after it, and either makes the Node
 * adapter rebuild every answer as a streamed Response; with a dozen page headers besides, that was
 * a large share of the cost of the /status poll. Headers are set on the finished response here.
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
  await next();
  const headers = c.res.headers;
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.append('Vary', 'Origin');
  if (allowed) {
    headers.set('Access-Control-Allow-Origin', allowed);
    headers.set('Access-Control-Expose-Headers', 'Retry-After');
  }
  strictTransportSecurity(c);
});
