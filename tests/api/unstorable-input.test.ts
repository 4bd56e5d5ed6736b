import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/portal-server';
import { asManager, demoLicense, startTestServer, type TestServer } from './fixtures';

/**
 * Input the database cannot hold or compare: PostgreSQL refuses a NUL character (U+0000) in any
 * text and a number past 2^31 - 1 against an integer column. Each is bad input, answered like
 * any other (400 naming the field, or 404 for an id in a path), on SQLite and PostgreSQL alike,
 * never a 500. Found by the fuzz (tests/reliability/fuzz.test.ts) on PostgreSQL.
 */
let server: TestServer;
let manager: string;
let licenseId: string;
const logged: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ log: (message) => logged.push(message) });
  manager = await asManager(server.url);
  licenseId = (await demoLicense(server.url, manager)).id;
});
afterAll(() => server.stop());

const NUL = '\u0000';
const refusedField = (field: string) => ({ status: 400, code: 'invalid_request', field });
const answerOf = async (method: string, path: string, body?: unknown, token: string | null = manager) => {
  const res = await api(server.url, token, method, path, body);
  return { status: res.status, code: res.body?.code, ...(res.body?.field ? { field: res.body.field } : {}) };
};
const command = (kind: string, payload: Record<string, string>) => ({
  clientId: 'test',
  commands: [{ opId: '019a0000-0000-7000-8000-000000000001', seq: 0, kind, payload }],
});

describe('a NUL character', () => {
  it('in a license id in the path is an unknown license', async () => {
    for (const tail of ['', '/devices', '/users', '/events'])
      expect(await answerOf('GET', `/licenses/a%00b${tail}`), tail).toEqual({ status: 404, code: 'not_found' });
  });

  it('in a query, a sign-in or an activation is refused, naming the field', async () => {
    expect(await answerOf('GET', '/licenses?email=a%00b%40codeglass.example')).toEqual(refusedField('email'));
    const signIn = { companyId: `Code${NUL}Glass`, email: 'manager@codeglass.example', password: 'x' };
    expect(await answerOf('POST', '/auth/login', signIn, null)).toEqual(refusedField('companyId'));
    const machine = { licenseId, hardwareId: 'HW-NUL', hostname: 'nul', os: 'Linux' };
    for (const field of ['licenseId', 'hardwareId', 'hostname', 'os'] as const)
      expect(await answerOf('POST', '/activations', { ...machine, [field]: `a${NUL}b` })).toEqual(refusedField(field));
    expect(await answerOf('POST', '/activations/check', { licenseId, hardwareId: NUL })).toEqual(
      refusedField('hardwareId'),
    );
  });

  it('in a command is refused, naming the field', async () => {
    expect(await answerOf('POST', '/sync', command('device.reset', { deviceId: `x${NUL}` }))).toEqual(
      refusedField('commands.0.payload.deviceId'),
    );
    const assign = command('user.assign', { licenseId, email: 'nul@codeglass.example', firstName: `A${NUL}` });
    expect(await answerOf('POST', '/sync', assign)).toEqual(refusedField('commands.0.payload.firstName'));
  });
});

describe('a number too big for the database', () => {
  it('as the events page cursor is refused, naming the field', async () => {
    expect(await answerOf('GET', `/licenses/${licenseId}/events?before=2147483647`)).toEqual({ status: 200 });
    expect(await answerOf('GET', `/licenses/${licenseId}/events?before=2147483648`)).toEqual(refusedField('before'));
  });
});

afterAll(() => {
  expect(logged).toEqual([]);
});
