import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeviceSchema,
  DevicesResponseSchema,
  ListHeadSchema,
  SyncResponseSchema,
  UsersResponseSchema,
} from '@shared/schemas';
import { seedScale } from '../../server/admin/scale';
import { api, apiLogin } from '../support/portal-server';
import { commands, getRaw, parsed, startTestServer, type TestServer } from './fixtures';

/** Lists longer than the server's page (1,000 rows) are read and sent a page at a time. */
const DEVICES = 2600;
const USERS = 1100;

let server: TestServer;
let scale: Awaited<ReturnType<typeof seedScale>>;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  scale = await seedScale(server.db, { devices: DEVICES, users: USERS });
  token = await apiLogin(server.url, scale.manager.email, scale.manager.password, scale.companyId);
}, 60_000);
afterAll(() => server.stop());

/** An answer's bytes as they came, decompressed as its Content-Encoding says. */
async function getText(path: string, acceptEncoding?: string) {
  const { status, headers, body } = await getRaw(server, path, token, acceptEncoding);
  const encoding = headers['content-encoding'];
  const raw = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
  return { status, encoding, type: headers['content-type'], text: raw.toString() };
}

const devicesPath = () => `/licenses/${scale.license.id}/devices`;

describe('whole lists longer than a page', () => {
  it('sends every device exactly once, the same whether br, gzip or plain', async () => {
    const br = await getText(devicesPath(), 'gzip, br');
    expect(br.encoding).toBe('br');
    const list = parsed(DevicesResponseSchema, JSON.parse(br.text));
    expect(list.full).toBe(true);
    expect(new Set(list.devices.map((d) => d.id)).size).toBe(DEVICES);

    const gzip = await getText(devicesPath(), 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(JSON.parse(gzip.text)).toEqual(list);
    const plain = await getText(devicesPath());
    expect(plain.encoding).toBeUndefined();
    expect(JSON.parse(plain.text)).toEqual(list);
  });

  it('sends the list as NDJSON when asked: the head first, then one device a line', async () => {
    const whole = parsed(DevicesResponseSchema, JSON.parse((await getText(devicesPath(), 'br')).text));
    const ndjson = await getText(`${devicesPath()}?format=ndjson`, 'br');
    expect(ndjson.type).toMatch(/^application\/x-ndjson/);
    const [head, ...rows] = ndjson.text.trimEnd().split('\n');
    expect(parsed(ListHeadSchema, JSON.parse(head!))).toEqual({ removed: [], cursor: whole.cursor, full: true });
    const devices = rows.map((line) => parsed(DeviceSchema, JSON.parse(line)));
    expect(devices).toEqual(whole.devices);
  });

  it('sends every seat holder exactly once', async () => {
    const answer = await getText(`/licenses/${scale.license.id}/users`, 'gzip');
    const list = parsed(UsersResponseSchema, JSON.parse(answer.text));
    // The generated users and the manager, who holds a seat too.
    expect(new Set(list.users.map((u) => u.id)).size).toBe(USERS + 1);
  });

  it('sends a change of every row, after a license reset, each once, and who left', async () => {
    const before = parsed(DevicesResponseSchema, JSON.parse((await getText(devicesPath(), 'br')).text));
    const users = parsed(UsersResponseSchema, JSON.parse((await getText(`/licenses/${scale.license.id}/users`)).text));
    const reset = await api(server.url, token, 'POST', '/sync', {
      clientId: 'list-stream',
      commands: [commands.resetLicense(scale.license.id)],
    });
    expect(parsed(SyncResponseSchema, reset.body).results[0]?.outcome).toBe('applied');

    const since = `?since=${encodeURIComponent(before.cursor!)}`;
    const changed = parsed(DevicesResponseSchema, JSON.parse((await getText(devicesPath() + since, 'br')).text));
    expect(changed.full).toBe(false);
    expect(changed.devices).toHaveLength(DEVICES);
    expect(new Set(changed.devices.map((d) => d.id))).toEqual(new Set(before.devices.map((d) => d.id)));
    expect(changed.devices.every((d) => !d.active)).toBe(true);

    const usersSince = `?since=${encodeURIComponent(users.cursor!)}`;
    const left = parsed(
      UsersResponseSchema,
      JSON.parse((await getText(`/licenses/${scale.license.id}/users${usersSince}`, 'br')).text),
    );
    expect(left.removed).toHaveLength(USERS);
    expect(left.users).toEqual([]);
  });

  it('refuses a format it does not know, naming the field', async () => {
    const answer = await api(server.url, token, 'GET', `${devicesPath()}?format=xml`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'invalid_request', field: 'format' });
  });

  it('keeps serving after a client hangs up in the middle of a list', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = http.get(
        { port: server.port, path: `/api/v1${devicesPath()}`, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.once('data', () => {
            request.destroy();
            resolve();
          });
        },
      );
      request.on('error', (error) => (request.destroyed ? resolve() : reject(error)));
    });
    const after = parsed(DevicesResponseSchema, JSON.parse((await getText(devicesPath(), 'gzip')).text));
    expect(after.devices).toHaveLength(DEVICES);
  });
});
