import { Hono } from 'hono';
import { every } from 'hono/combine';
import { messageFor } from '@shared/domain';
import { requireSettledUser } from './http/auth';
import type { AppDeps } from './deps';
import { compressLargeJson } from './http/compress';
import { BODYLESS_METHODS, drainUnreadBody, isClientAbort, jsonBodyWithin } from './http/body';
import type { AppEnv } from './http/env';
import { errorResponse } from './http/errors';
import { apiHeaders, pageHeaders } from './http/security';
import { staticRoutes } from './http/static';
import { activationRoutes } from './routes/activations';
import { authRoutes } from './routes/auth';
import { licenseFileRoutes } from './routes/license-file';
import { licenseRoutes } from './routes/licenses';
import { meRoutes } from './routes/me';
import { healthRoutes } from './routes/health';
import { statusRoutes } from './routes/status';
import { syncRoutes } from './routes/sync';
import { DomainError } from './services/errors';
import { isDatabaseBusy } from './db/transaction';
import { requestIdOf } from './observe/request-id';

/** 1,000 commands fit comfortably; anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface AppOptions {
  staticDir?: string;
  /** Where unexpected errors go, with the request's id (observe/request-id.ts) when it has one. */
  log?: (message: string, error?: unknown, requestId?: string) => void;
  /** Whether the server is stopping: /readyz then answers 503 shutting_down. */
  stopping?: () => boolean;
  /** TRUST_PROXY: reverse proxies in front whose X-Forwarded-For and -Proto are believed (default 0). */
  trustProxy?: number;
}

/** The whole HTTP surface: API v1 under /api/v1, the PWA at /. */
export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const trustProxy = options.trustProxy ?? 0;
  const app = new Hono<AppEnv>();

  // A body: read to its end if nobody did; an API one must be JSON and within the limit.
  const drain = drainUnreadBody(MAX_BODY_BYTES);
  const apiWithBody = every(apiHeaders, drain, jsonBodyWithin(MAX_BODY_BYTES));
  const pageWithBody = every(pageHeaders, drain);
  // What every request passes through, in this order, as one layer: each Hono layer costs a
  // promise and a dispatch, and four of them were a tenth of the /status poll the extensions send.
  app.use('*', (c, next) => {
    c.set('deps', deps);
    c.set('trustProxy', trustProxy);
    const api = c.req.path.startsWith('/api/');
    if (BODYLESS_METHODS.has(c.req.method)) return (api ? apiHeaders : pageHeaders)(c, next);
    return (api ? apiWithBody : pageWithBody)(c, next);
  });

  const bigLists = [
    '/api/v1/licenses',
    '/api/v1/licenses/:id/devices',
    '/api/v1/licenses/:id/users',
    '/api/v1/licenses/:id/events',
  ];
  for (const path of bigLists) {
    app.use(path, compressLargeJson);
  }

  const api = new Hono<AppEnv>();
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  for (const path of [
    '/licenses',
    '/licenses/*',
    '/sync',
    '/status',
    '/activations',
    '/activations/*',
    '/license-file',
  ]) {
    api.use(path, requireSettledUser);
  }
  api.route('/licenses', licenseRoutes);
  api.route('/sync', syncRoutes);
  api.route('/status', statusRoutes);
  api.route('/activations', activationRoutes);
  api.route('/license-file', licenseFileRoutes);
  app.route('/api/v1', api);

  app.all('/api/*', () => {
    // The stable code stays not_found; the text says which kind of not found.
    throw new DomainError('not_found', { message: messageFor('unknown_endpoint') });
  });
  app.route('/', healthRoutes(options.stopping ?? (() => false)));
  if (options.staticDir) app.route('/', staticRoutes(options.staticDir));

  app.onError((error, c) => {
    if (error instanceof DomainError) return errorResponse(c, error);
    const id = requestIdOf((c.env as { incoming?: object } | undefined)?.incoming);
    if (isDatabaseBusy(error)) {
      // Another process held the database's write lock past the busy timeout: nothing was written,
      // and the client's backoff sends it again.
      log(`Database busy during ${c.req.method} ${c.req.path}`, undefined, id);
      return errorResponse(c, new DomainError('server_unavailable', { retryAfterSeconds: 1 }));
    }
    if (isClientAbort(error)) {
      // Nobody is left to read the answer; a stack trace would only flood the log.
      log(`Client closed the connection during ${c.req.method} ${c.req.path}`, undefined, id);
      return errorResponse(c, new DomainError('invalid_request'));
    }
    log(`Unexpected error on ${c.req.method} ${c.req.path}:`, error, id);
    return errorResponse(c, new DomainError('internal_error'));
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? errorResponse(c, new DomainError('not_found')) : c.text('Not found', 404),
  );
  return app;
}
