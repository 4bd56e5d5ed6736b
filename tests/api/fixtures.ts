import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { z } from 'zod';
import { startServer, type RunningServer, type StartOptions } from '../../server/start';
import { DEMO } from '../../server/admin/seed';
import { createCompany, createLicense, type NewLicenseInput } from '../../server/admin/operations';
import {
  DevicesResponseSchema,
  LicensesResponseSchema,
  SyncResponseSchema,
  type Command,
  type SyncResult,
} from '@shared/schemas';
import { api, apiLogin, freshPostgresDatabase, tempDatabasePath } from '../support/portal-server';

export { DEMO };

/**
 * A real server in this process on a free port, with a real SQLite file in a temp dir; or, when
 * TEST_POSTGRES_URL names a PostgreSQL server (e.g. postgres://portal@127.0.0.1:5432/postgres),
 * a fresh database there, so the same tests check the scale-out path.
 */
export async function startTestServer(
  options: Partial<StartOptions> = {},
): Promise<RunningServer & { databasePath: string; databaseUrl: string }> {
  const databasePath = tempDatabasePath();
  const databaseUrl =
    options.databaseUrl ??
    (process.env.TEST_POSTGRES_URL
      ? await freshPostgresDatabase(process.env.TEST_POSTGRES_URL)
      : `sqlite:${databasePath}`);
  const server = await startServer({ port: 0, seed: true, ...options, databaseUrl });
  return { ...server, databasePath, databaseUrl };
}

export const asManager = (url: string) => apiLogin(url, DEMO.manager.email, DEMO.manager.password);
export const asDev = (url: string) => apiLogin(url, DEMO.user.email, DEMO.user.password);

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * What most API tests start from: a seeded server, the demo manager's and license user's
 * sessions, and the demo license's id.
 */
async function demoWorld(options: Partial<StartOptions> = {}) {
  const server = await startTestServer(options);
  const [manager, dev] = await Promise.all([asManager(server.url), asDev(server.url)]);
  const licenseId = (await demoLicense(server.url, manager)).id;
  return { server, manager, dev, licenseId };
}

/**
 * The demo world of a test file, started before its tests (`'file'`: once; `'test'`: a fresh one
 * each) and stopped after. Its fields are filled in when the tests run: read them there.
 */
export function useDemoWorld(
  lifetime: 'file' | 'test',
  options: Partial<StartOptions> = {},
): Awaited<ReturnType<typeof demoWorld>> {
  const world = {} as Awaited<ReturnType<typeof demoWorld>>;
  const [before, after] = lifetime === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => void Object.assign(world, await demoWorld(options)));
  after(() => world.server.stop());
  return world;
}

/** Parses a body with the shared schema the clients use, failing the test when it does not fit. */
export function parsed<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success)
    expect.fail(`response does not match the schema: ${result.error.message}\n${JSON.stringify(body)}`);
  return result.data;
}

let seq = 0;
type Basis<K extends Command['kind']> = Extract<Command, { kind: K }>['basis'];
const envelope = () => ({ opId: randomUUID(), seq: seq++ });

/** Command factories: fresh opId and seq each time. */
export const commands = {
  resetDevice: (deviceId: string, basis?: Basis<'device.reset'>): Command => ({
    ...envelope(),
    kind: 'device.reset',
    payload: { deviceId },
    ...(basis ? { basis } : {}),
  }),
  resetLicense: (licenseId: string, basis?: Basis<'license.reset'>): Command => ({
    ...envelope(),
    kind: 'license.reset',
    payload: { licenseId },
    ...(basis ? { basis } : {}),
  }),
  assign: (
    licenseId: string,
    email: string,
    extra: { firstName?: string; lastName?: string; initialPassword?: string } = {},
  ): Command => ({
    ...envelope(),
    kind: 'user.assign',
    payload: { licenseId, email, ...extra },
  }),
  unassign: (licenseId: string, userId: string): Command => ({
    ...envelope(),
    kind: 'user.unassign',
    payload: { licenseId, userId },
  }),
  resetPassword: (licenseId: string, userId: string, initialPassword?: string): Command => ({
    ...envelope(),
    kind: 'user.reset_password',
    payload: { licenseId, userId, ...(initialPassword ? { initialPassword } : {}) },
  }),
};

/** POST /sync and return the parsed results (asserting 200). */
export async function sync(url: string, token: string, cmds: Command[]): Promise<SyncResult[]> {
  const res = await api(url, token, 'POST', '/sync', { clientId: 'test-client', commands: cmds });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return parsed(SyncResponseSchema, res.body).results;
}

/** One command, one result. */
export async function syncOne(url: string, token: string, command: Command): Promise<SyncResult> {
  const [result] = await sync(url, token, [command]);
  return result!;
}

/** The demo license as the manager sees it. */
export async function demoLicense(url: string, managerToken: string) {
  const res = await api(url, managerToken, 'GET', '/licenses');
  const license = parsed(LicensesResponseSchema, res.body).licenses.find((l) => l.name === DEMO.licenseName);
  if (!license) throw new Error('demo license missing');
  return license;
}

export async function devicesOf(url: string, token: string, licenseId: string) {
  return parsed(DevicesResponseSchema, (await api(url, token, 'GET', `/licenses/${licenseId}/devices`)).body).devices;
}

/** A vendor-created manager must change the password; the tests sign in as a settled user. */
const settleAccount = (server: RunningServer, userId: string) =>
  server.db.kysely.updateTable('users').set({ must_change_password: 0 }).where('id', '=', userId).execute();

const RIVAL = { companyId: 'Rival', name: 'Rival Inc', manager: 'boss@rival.example', password: 'rival-password' };

/**
 * A second company (rule 9 tests; `company`, default Rival Inc) with its own settled manager, signed
 * in, and a small license (2 seats, 2 activations, 2 deactivations, unless `overrides` say otherwise).
 */
export async function otherCompany(
  server: RunningServer,
  overrides: Partial<NewLicenseInput> = {},
  company: typeof RIVAL = RIVAL,
) {
  await createCompany(server.db, { companyId: company.companyId, name: company.name });
  const created = await createLicense(server.db, {
    company: company.companyId,
    kind: 'organization',
    type: 'subscription',
    quantity: 2,
    maxActivations: 2,
    maxDeactivations: 2,
    validUntil: null,
    manager: company.manager,
    managerPassword: company.password,
    ...overrides,
  });
  await settleAccount(server, created.manager.id);
  const token = await apiLogin(server.url, company.manager, company.password, company.companyId);
  return { licenseId: created.license.id, token };
}

/** A license of the demo company: 5 seats, no limits, managed by the demo manager, unless `input` says otherwise. */
const createDemoCompanyLicense = (server: RunningServer, input: Partial<NewLicenseInput>) =>
  createLicense(server.db, {
    company: DEMO.companyId,
    kind: 'organization',
    type: 'subscription',
    quantity: 5,
    maxActivations: null,
    maxDeactivations: null,
    validUntil: null,
    manager: DEMO.manager.email,
    ...input,
  });

/** A license of the demo company with chosen limits, managed by the demo manager; its id. */
export async function demoCompanyLicense(server: RunningServer, input: Partial<NewLicenseInput>) {
  return (await createDemoCompanyLicense(server, input)).license.id;
}

/** A license of the demo company whose first manager is a new, settled account (not the demo manager). */
export async function licenseOfNewManager(
  server: RunningServer,
  manager: { email: string; password: string; name: string },
) {
  const created = await createDemoCompanyLicense(server, {
    name: manager.name,
    manager: manager.email,
    managerPassword: manager.password,
  });
  await settleAccount(server, created.manager.id);
  return { licenseId: created.license.id, managerId: created.manager.id };
}

/** A GET of the API as it came over the wire (not decompressed): its status, headers and bytes. */
export function getRaw(server: { port: number }, path: string, token: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
    http
      .get({ port: server.port, path: `/api/v1${path}`, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}
