// @vitest-environment node
// Real HTTP over a real socket: happy-dom's fetch would apply browser CORS rules to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from './client';

type Route = (req: IncomingMessage, res: ServerResponse) => void;
const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
const empty =
  (status: number, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end();
  };

const me = {
  user: {
    id: 'u1',
    email: 'manager@codeglass.example',
    name: 'Manager',
    role: 'license_manager',
    mustChangePassword: false,
  },
  company: { id: 'c1', companyId: 'CodeGlass', name: 'CodeGlass' },
};

/** What each path answers; the last request is kept so tests can look at headers and body. */
const routes: Record<string, Route> = {
  'GET /api/v1/me': json(200, me),
  'POST /api/v1/auth/login': json(400, {
    code: 'invalid_request',
    message: 'email: Invalid email address',
    field: 'email',
  }),
  'POST /api/v1/auth/logout': empty(204),
  'GET /api/v1/licenses': empty(429, { 'Retry-After': '3' }),
  'GET /api/v1/status': empty(500),
  'GET /api/v1/licenses/lic-1': json(200, { license: { id: 'lic-1', name: 'no counters' } }),
  'GET /api/v1/licenses/lic-1/users': json(403, {
    code: 'not_license_manager',
    message: 'Only a license manager can do this.',
  }),
  'GET /api/v1/licenses/lic-1/devices': empty(401),
  'GET /api/v1/licenses/lic-2/devices': json(200, { devices: [] }),
  'GET /api/v1/licenses/lic-2/devices?since=c%2F42': json(200, {
    devices: [],
    removed: ['d-9'],
    cursor: 'c/43',
    full: false,
  }),
  'GET /api/v1/licenses/lic-2/events?before=40&kind=device.reset': json(200, {
    events: [
      {
        id: 39,
        licenseId: 'lic-2',
        at: '2030-01-01T00:00:00.000Z',
        actor: 'dev@codeglass.example',
        byVendor: false,
        kind: 'device.reset',
        detail: { hostname: 'dev-laptop' },
      },
    ],
    nextBefore: null,
  }),
  'POST /api/v1/sync': json(429, { code: 'rate_limited', message: 'slow down' }, { 'Retry-After': '3' }),
};
let last: { method?: string; url?: string; authorization?: string; body: string } = { body: '' };

let server: Server;
let baseURL = '';
let token: string | null = 'secret-token-123';
const client = () => createApiClient({ baseURL, getToken: () => token });

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      last = { method: req.method, url: req.url, authorization: req.headers.authorization, body };
      const route = routes[`${req.method} ${req.url}`] ?? json(404, { code: 'not_found', message: 'no route' });
      route(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  token = 'secret-token-123';
});

describe('createApiClient against a real HTTP server', () => {
  it('parses a valid body', async () => {
    expect(await client().me()).toEqual({ ok: true, data: me });
  });

  it('sends the Bearer token from getToken, read on every call', async () => {
    const api = client();
    await api.me();
    expect(last.authorization).toBe('Bearer secret-token-123');
    token = 'rotated-token-456';
    await api.me();
    expect(last.authorization).toBe('Bearer rotated-token-456');
    token = null;
    await api.me();
    expect(last.authorization).toBeUndefined();
  });

  it('asks for what changed since a cursor, and reads an answer without one as the whole list', async () => {
    expect(await client().devices('lic-2', 'c/42')).toEqual({
      ok: true,
      data: { devices: [], removed: ['d-9'], cursor: 'c/43', full: false },
    });
    expect(last.url).toBe('/api/v1/licenses/lic-2/devices?since=c%2F42');
    expect(await client().devices('lic-2', null)).toEqual({ ok: true, data: { devices: [], removed: [], full: true } });
    expect(last.url).toBe('/api/v1/licenses/lic-2/devices');
  });

  it('pages a license`s activity with before and kind, and parses the events', async () => {
    const page = await client().events('lic-2', { before: 40, kind: 'device.reset', limit: undefined });
    expect(last.url).toBe('/api/v1/licenses/lic-2/events?before=40&kind=device.reset');
    expect(page.ok && page.data.events.map((e) => [e.id, e.detail.hostname])).toEqual([[39, 'dev-laptop']]);
    expect(page.ok && page.data.nextBefore).toBeNull();
  });

  it('sends the request body as JSON', async () => {
    await client().sync({ clientId: 'client-1', commands: [] });
    expect(last).toMatchObject({ method: 'POST', url: '/api/v1/sync' });
    expect(JSON.parse(last.body)).toEqual({ clientId: 'client-1', commands: [] });
  });

  it('turns an error body into an ApiFailure with its code, message and field', async () => {
    const result = await client().login({ companyId: 'CodeGlass', email: 'x@y.example', password: 'p' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', status: 400, message: 'email: Invalid email address', field: 'email' },
    });
  });

  it.each([
    {
      case: '429 with Retry-After: 3 and no body',
      call: () => client().licenses(),
      error: { code: 'server_unavailable', status: 429, retryAfterMs: 3000 },
    },
    {
      case: '429 with Retry-After: 3 and an error body',
      call: () => client().sync({ clientId: 'c', commands: [] }),
      error: { code: 'rate_limited', status: 429, retryAfterMs: 3000, message: 'slow down' },
    },
    { case: '500 with no body', call: () => client().status(), error: { code: 'server_unavailable', status: 500 } },
    { case: '401 with no body', call: () => client().devices('lic-1'), error: { code: 'unauthorized', status: 401 } },
    {
      case: '403 with an error body',
      call: () => client().users('lic-1'),
      error: { code: 'not_license_manager', status: 403 },
    },
    {
      case: '200 with a body of the wrong shape',
      call: () => client().license('lic-1'),
      error: { code: 'invalid_response', status: 200 },
    },
  ])('answers $case with $error.code', async ({ call, error }) => {
    const result = await call();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject(error);
    expect(result.error.message).not.toBe('');
    if (!('retryAfterMs' in error)) expect(result.error.retryAfterMs).toBeUndefined();
  });

  it('answers 204 No Content with ok and no data', async () => {
    expect(await client().logout()).toEqual({ ok: true, data: undefined });
  });

  it('answers a closed port with network_error and status 0', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createApiClient({ baseURL: `http://127.0.0.1:${port}`, getToken: () => null }).me();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'network_error',
        status: 0,
        message: 'The portal cannot be reached: you are offline or the server is down.',
      },
    });
  });

  it('gives POST /sync its own, longer timeout than the other calls (slow new-account batches)', async () => {
    const slow =
      (body: unknown): Route =>
      (_req, res) =>
        void setTimeout(() => json(200, body)(_req, res), 300);
    routes['POST /api/v1/sync'] = slow({ results: [] });
    routes['GET /api/v1/me'] = slow(me);
    try {
      const api = createApiClient({ baseURL, getToken: () => token, timeoutMs: 100, syncTimeoutMs: 2_000 });
      expect((await api.me()).ok).toBe(false); // the ordinary timeout still applies
      expect(await api.sync({ clientId: 'c1', commands: [] })).toEqual({ ok: true, data: { results: [] } });
    } finally {
      routes['POST /api/v1/sync'] = json(429, { code: 'rate_limited', message: 'slow down' }, { 'Retry-After': '3' });
      routes['GET /api/v1/me'] = json(200, me);
    }
  });
});
