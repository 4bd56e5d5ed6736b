import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { api, apiLogin, logEntries, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, DEMO, demoLicense, startTestServer, sync, type TestServer } from './fixtures';

// What a load balancer, a monitor and a log shipper see: /healthz, /readyz, the metrics, request ids.
vi.setConfig({ testTimeout: 120_000 });

describe('/healthz and /readyz', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: (await res.json()) as unknown, cache: res.headers.get('cache-control') };
  };

  it('answer without a sign-in, and give away no data', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' }, cache: 'no-store' });
  });

  it('is 503 with the reason while the schema is not the one this version expects', async () => {
    const k = server.db.kysely;
    await sql`delete from kysely_migration where name = '006_password_safety'`.execute(k);
    expect(await get('/readyz')).toMatchObject({
      status: 503,
      body: { status: 'not_ready', reason: 'migrations_pending', detail: expect.any(String) },
    });
    await sql`insert into kysely_migration (name, timestamp) values ('006_password_safety', ${new Date().toISOString()}),
      ('900_from_a_newer_version', ${new Date().toISOString()})`.execute(k);
    expect(await get('/readyz')).toMatchObject({ status: 503, body: { reason: 'database_newer' } });
    await sql`delete from kysely_migration where name = '900_from_a_newer_version'`.execute(k);
    expect((await get('/readyz')).status).toBe(200);
    // The process itself is fine all along.
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('metrics, request ids and the request log of the real server', () => {
  let server: PortalServer;
  let metricsUrl: string;
  beforeAll(async () => {
    server = await startPortalServer({ env: { METRICS_PORT: '0', LOG_LEVEL: 'info' } });
    const port = /Metrics on http:\/\/127\.0\.0\.1:(\d+)\/metrics/.exec(server.output())?.[1];
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
  });
  afterAll(() => server.stop());

  it('counts requests, sync outcomes, sign-in failures and limits, and activations on the metrics port only', async () => {
    const manager = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(server.url, manager)).id;
    await sync(server.url, manager, [commands.assign(licenseId, DEMO.user.email), commands.resetDevice('missing')]);
    for (let i = 0; i < 12; i++) {
      const res = await api(server.url, null, 'POST', '/auth/login', {
        companyId: DEMO.companyId,
        email: DEMO.manager.email,
        password: 'not-the-password',
      });
      if (res.body.code === 'rate_limited') break;
    }
    await api(server.url, manager, 'POST', '/activations', {
      licenseId,
      hardwareId: 'HW-METRICS',
      hostname: 'metrics-box',
      os: 'Linux',
    });

    await api(server.url, manager, 'GET', `/licenses/${licenseId}`);
    const text = await (await fetch(metricsUrl)).text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 'NaN');
    expect(value(/seat_portal_http_requests_total\{method="POST",route="\/api\/v1\/sync",status="200"\} (\d+)/)).toBe(
      1,
    );
    expect(text).toMatch(
      /seat_portal_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/licenses",status="200"\}/,
    );
    expect(value(/seat_portal_sync_commands_total\{kind="user.assign",outcome="already_done"\} (\d+)/)).toBe(1);
    expect(value(/seat_portal_sync_commands_total\{kind="device.reset",outcome="rejected"\} (\d+)/)).toBe(1);
    expect(value(/seat_portal_sign_in_failures_total\{reason="invalid_credentials"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(value(/seat_portal_sign_in_limited_total\{what="sign_in"\} (\d+)/)).toBe(1);
    expect(value(/seat_portal_activations_total\{outcome="(?:activated|activation_limit_reached)"\} (\d+)/)).toBe(1);
    for (const name of ['nodejs_eventloop_lag_seconds', 'process_cpu_seconds_total', 'process_resident_memory_bytes'])
      expect(text).toContain(`# TYPE ${name}`);
    // A license id never becomes a label: the route's pattern does.
    expect(text).toContain('route="/api/v1/licenses/:id"');
    expect(text).not.toContain(licenseId);
    // Not on the public port.
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });

  it('gives every answer an X-Request-Id, keeps a proxy-given one, and logs one JSON line per request with it', async () => {
    const mine = await fetch(`${server.url}/api/v1/status`, { headers: { 'X-Request-Id': 'lb-1234' } });
    expect(mine.headers.get('x-request-id')).toBe('lb-1234');
    const made = (await fetch(`${server.url}/healthz`)).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    // An id that could forge log lines is replaced.
    const odd = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'a b"c' } });
    expect(odd.headers.get('x-request-id')).not.toBe('a b"c');
    await expect
      .poll(() => logEntries(server.rawOutput()).find((l) => l.reqId === 'lb-1234'))
      .toMatchObject({
        level: 'info',
        msg: 'request',
        method: 'GET',
        path: '/api/v1/status',
        status: 401,
        ms: expect.any(Number),
      });
    // Health checks stay out of the info log (a monitor polls them every few seconds).
    expect(logEntries(server.rawOutput()).some((l) => l.reqId === made)).toBe(false);
    for (const line of logEntries(server.rawOutput()))
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String) });
  });
});
