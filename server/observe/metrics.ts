import { listenBeside, type SideListener } from '../net/side-listener';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics, one registry per server (tests run several in one process).
 * The names are a contract with the operator's dashboards and alerts (README, "Operating it").
 */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  syncCommands: Counter<'kind' | 'outcome'>;
  signInFailures: Counter<'reason'>;
  signInLimited: Counter<'what'>;
  activations: Counter<'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // process_* (CPU, memory, open files) and nodejs_* (event-loop lag, heap, GC, handles).
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'seat_portal_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'seat_portal_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being written, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    syncCommands: new Counter({
      name: 'seat_portal_sync_commands_total',
      help: 'Commands received by /sync, by kind and outcome (applied, already_done, rejected, conflict)',
      labelNames: ['kind', 'outcome'],
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'seat_portal_sign_in_failures_total',
      help: 'Refused sign-ins, by reason (invalid_credentials, initial_password_expired)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    signInLimited: new Counter({
      name: 'seat_portal_sign_in_limited_total',
      help: 'Requests refused by the sign-in limits (rate_limited), by what was asked (sign_in, password_check)',
      labelNames: ['what'],
      registers: [registry],
    }),
    activations: new Counter({
      name: 'seat_portal_activations_total',
      help: 'Device activations asked for by the licensed product, by outcome (activated, already_active, or the error code)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** METRICS_PORT: a port number (0 = any free one); unset or empty = no metrics listener. */
export function metricsPortSetting(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`METRICS_PORT: "${value}" is not a port number (0-65535)`);
  return port;
}

export type MetricsServer = SideListener;

/**
 * Serves GET /metrics (Prometheus text format) on its own port, loopback by default: the numbers
 * tell an outsider about usage, so they stay off the public port; METRICS_HOST opens them to a
 * scraper elsewhere.
 */
export function serveMetrics(metrics: Metrics, port: number, host = '127.0.0.1'): Promise<MetricsServer> {
  return listenBeside('METRICS_PORT', port, host, (req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the metrics are at /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
}
