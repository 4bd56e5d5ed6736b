import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { cameOverHttps } from './client';
import type { AppEnv } from './env';

/** A CSP the PWA runs under: its own scripts, styles, worker and manifest; data: images. */
export const securityHeaders = secureHeaders({
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
  // Sent by strictTransportSecurity below, only where it means something.
  strictTransportSecurity: false,
});

/**
 * HSTS only on answers to HTTPS requests: over plain HTTP it is meaningless at best, and on a
 * portal reached over HTTP it would tell browsers something untrue about its host.
 */
export const strictTransportSecurity = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (cameOverHttps(c)) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
});

/** The browser extension calls the API from its own origin with a Bearer token, never cookies. */
export const extensionCors = cors({
  origin: (origin) => (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['Retry-After'],
  credentials: false,
  maxAge: 600,
});
