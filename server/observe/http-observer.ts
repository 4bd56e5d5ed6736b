import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Http2Server, Http2SecureServer, Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import { assignRequestId } from './request-id';
import { routeLabel } from './routes';

type AnyRequest = IncomingMessage | Http2ServerRequest;

const POLLS = new Set(['/healthz', '/readyz', '/api/v1/status']);
type AnyResponse = ServerResponse | Http2ServerResponse;

export interface HttpObserver {
  /** Requests whose answer is not finished yet (graceful shutdown waits for them). */
  inFlight(): number;
  /** Resolves when no request is in flight. */
  idle(): Promise<void>;
}

/**
 * Watches every request at the Node server, ahead of the app: gives it a request id (its own
 * X-Request-Id when a proxy sent a plain one, else a UUID) that the answer carries in X-Request-Id
 * and every log line about it in `reqId`; when it ends, logs one line (method, route path without
 * the query, status, milliseconds; debug for polls that went well) and counts it in the metrics. Set as a
 * header before the app answers, so the app's answers stay the plain objects the adapter writes as
 * they are (see http/respond.ts).
 */
export function observeHttp(
  server: Server | Http2Server | Http2SecureServer,
  log: Logger,
  metrics: Metrics | undefined,
): HttpObserver {
  let open = 0;
  let waiting: Array<() => void> = [];
  const onRequest = (req: AnyRequest, res: AnyResponse) => {
    const started = process.hrtime.bigint();
    const id = assignRequestId(req, req.headers['x-request-id']);
    res.setHeader('X-Request-Id', id);
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    open++;
    log.debug({ reqId: id, method, path }, 'request received');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      open--;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // An answer cut off before it was written (the client left) counts as what it was going to be.
      const status = String(res.statusCode);
      const route = routeLabel(path);
      metrics?.httpRequests.inc({ method, route, status });
      metrics?.httpDuration.observe({ method, route, status }, seconds);
      const line = { reqId: id, method, path, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10 };
      // Machine polls (health checks; the extensions' /status, thousands a second at a large
      // customer's) that went well are debug lines: at info they would be most of the log and
      // its cost (the bench's /status throughput fell by half). The metrics count them all.
      if (POLLS.has(route) && res.statusCode < 400) log.debug(line, 'request');
      else log.info(line, 'request');
      if (open === 0) {
        const resolve = waiting;
        waiting = [];
        for (const r of resolve) r();
      }
    };
    res.once('finish', finish);
    res.once('close', finish);
  };
  // First, so the id is there before the app's listener reads the request.
  (server as Server).prependListener('request', onRequest as (req: IncomingMessage, res: ServerResponse) => void);
  return {
    inFlight: () => open,
    idle: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}
