import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInitialPassword } from '@shared/commands';
import type { Command } from '@shared/schemas';
import { createUser } from '../../server/admin/operations';
import { api, apiLogin, REPO_ROOT, type ApiAnswer } from '../support/portal-server';
import { changedTables, stateRows } from '../support/state-digest';
import {
  asDev,
  asManager,
  commands,
  DEMO,
  demoCompanyLicense,
  licenseOfNewManager,
  otherCompany,
  startTestServer,
  sync,
  type TestServer,
} from './fixtures';

/**
 * Who may do what, as one table: every endpoint and every command kind against one license,
 * sent by each kind of caller. Each row gets a license of its own, made the same way (see
 * `licenseForRow`), so no row depends on another. A cell reads:
 *
 *   '200', '201', '204'        the HTTP status
 *   '404 not_found'            the HTTP status and the error code
 *   '200 sees' / '200 hides'   the list holds the row's license, or not
 *   '200 own' / '200 all'      the list holds only the caller's own devices or events, or everyone's
 *   'applied' / 'not_found'    the one command sent in POST /sync applied, or was rejected with that code
 *
 * Every refused cell (4xx, or a rejected command) must also leave the database as it was.
 */
const CALLERS = ['anonymous', 'user', 'otherUser', 'removed', 'manager', 'rival', 'otherManager'] as const;
type Caller = (typeof CALLERS)[number];
type Cells = [string, string, string, string, string, string, string];

// The last two rows reset the password of a seat holder of the row's license who is also the
// manager of another license, or who also holds a seat on a license the row's manager does not
// manage: a password is the account's, so its other licenses decide too (cross-license cells).
// prettier-ignore
const MATRIX: Array<[request: string, ...cells: Cells]> = [
  // request                    anonymous           user of it                 user of another        removed from it        manager     rival manager    manager of another
  ['GET /me',                   '401 unauthorized', '200',                     '200',                 '200',                 '200',      '200',           '200'],
  ['GET /licenses',             '401 unauthorized', '200 sees',                '200 hides',           '200 hides',           '200 sees', '200 hides',     '200 hides'],
  ['GET /licenses?email=',      '401 unauthorized', '200 hides',               '200 hides',           '200 hides',           '200 sees', '200 hides',     '200 hides'],
  ['GET /licenses/:id',         '401 unauthorized', '200',                     '404 not_found',       '404 not_found',       '200',      '404 not_found', '404 not_found'],
  ['GET /licenses/:id/devices', '401 unauthorized', '200 own',                 '404 not_found',       '404 not_found',       '200 all',  '404 not_found', '404 not_found'],
  ['GET /licenses/:id/users',   '401 unauthorized', '403 not_license_manager', '404 not_found',       '404 not_found',       '200',      '404 not_found', '404 not_found'],
  ['GET /licenses/:id/events',  '401 unauthorized', '200 own',                 '404 not_found',       '404 not_found',       '200 all',  '404 not_found', '404 not_found'],
  ['GET /status',               '401 unauthorized', '200 sees',                '200 hides',           '200 hides',           '200 sees', '200 hides',     '200 hides'],
  ['POST /auth/logout',         '401 unauthorized', '204',                     '204',                 '204',                 '204',      '204',           '204'],
  ['POST /auth/password',       '401 unauthorized', '204',                     '204',                 '204',                 '204',      '204',           '204'],
  ['POST /auth/sessions/end-others', '401 unauthorized', '204',                 '204',                 '204',                 '204',      '204',           '204'],
  ['POST /activations',         '401 unauthorized', '201',                     '403 not_assigned',    '403 not_assigned',    '201',      '404 not_found', '403 not_assigned'],
  ['POST /activations/check',   '401 unauthorized', '200',                     '404 not_found',       '404 not_found',       '200',      '404 not_found', '404 not_found'],
  ['POST /sync (no commands)',  '401 unauthorized', '200',                     '200',                 '200',                 '200',      '200',           '200'],
  ['device.reset, own device',  '401 unauthorized', 'applied',                 'applied',             'not_assigned',        'applied',  'applied',       'applied'],
  ["device.reset, another's",   '401 unauthorized', 'not_found',               'not_found',           'not_found',           'applied',  'not_found',     'not_found'],
  ['license.reset',             '401 unauthorized', 'not_license_manager',     'not_found',           'not_found',           'applied',  'not_found',     'not_found'],
  ['user.assign',               '401 unauthorized', 'not_license_manager',     'not_found',           'not_found',           'applied',  'not_found',     'not_found'],
  ['user.unassign',             '401 unauthorized', 'not_license_manager',     'not_found',           'not_found',           'applied',  'not_found',     'not_found'],
  ['user.reset_password',       '401 unauthorized', 'not_license_manager',     'not_found',           'not_found',           'applied',  'not_found',     'not_found'],
  ['user.reset_password, a manager elsewhere', '401 unauthorized', 'not_license_manager', 'not_found', 'not_found',       'cannot_reset_manager_password', 'not_found', 'not_found'],
  ['user.reset_password, a seat elsewhere',    '401 unauthorized', 'not_license_manager', 'not_found', 'not_found',       'cannot_reset_password_elsewhere', 'not_found', 'not_found'],
];

/** Targets of the cross-license rows: seat holders of the row's license with a standing elsewhere. */
const ELSEWHERE = {
  'user.reset_password, a manager elsewhere': { email: 'lead2@codeglass.example', id: '' },
  'user.reset_password, a seat elsewhere': { email: 'shared@codeglass.example', id: '' },
} as Record<string, { email: string; id: string }>;

let server: TestServer;

interface Account {
  email: string;
  password: string;
  company: string;
  token: string;
  id: string;
}
/** The signed-in callers (all but anonymous) and the seat holder the manager's commands target. */
const accounts = {} as Record<Exclude<Caller, 'anonymous'>, Account>;
let target: { id: string; email: string };
/** Devices the other license's user, the rival manager and the other license's manager activated on their own licenses. */
const ownDeviceElsewhere = {} as Record<'otherUser' | 'rival' | 'otherManager', string>;
let cellsRun = 0;

const settledUser = async (email: string, password: string) =>
  (await createUser(server.db, { company: DEMO.companyId, email, password, mustChangePassword: false })).id;

async function account(email: string, password: string, token: string, company: string = DEMO.companyId) {
  const me = await api(server.url, token, 'GET', '/me');
  return { email, password, company, token, id: me.body.user.id as string } satisfies Account;
}

const activate = async (token: string, licenseId: string, hardwareId: string) => {
  const res = await api(server.url, token, 'POST', '/activations', {
    licenseId,
    hardwareId,
    hostname: hardwareId,
    os: 'Linux',
  });
  if (res.status !== 201) throw new Error(`activation ${hardwareId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.device.id as string;
};

beforeAll(async () => {
  server = await startTestServer();
  accounts.manager = await account(DEMO.manager.email, DEMO.manager.password, await asManager(server.url));
  accounts.user = await account(DEMO.user.email, DEMO.user.password, await asDev(server.url));
  const otherId = await settledUser('other@codeglass.example', 'other-password');
  await settledUser('removed@codeglass.example', 'removed-password');
  target = { id: await settledUser('target@codeglass.example', 'target-password'), email: 'target@codeglass.example' };
  const otherLicense = await demoCompanyLicense(server, { name: 'Matrix: another license' });
  await sync(server.url, accounts.manager.token, [commands.assign(otherLicense, 'other@codeglass.example')]);
  const otherToken = await apiLogin(server.url, 'other@codeglass.example', 'other-password');
  accounts.otherUser = await account('other@codeglass.example', 'other-password', otherToken);
  expect(accounts.otherUser.id).toBe(otherId);
  const removedToken = await apiLogin(server.url, 'removed@codeglass.example', 'removed-password');
  accounts.removed = await account('removed@codeglass.example', 'removed-password', removedToken);
  const rival = await otherCompany(server, { maxActivations: null, maxDeactivations: null });
  accounts.rival = await account('boss@rival.example', 'rival-password', rival.token, 'Rival');
  ownDeviceElsewhere.otherUser = await activate(otherToken, otherLicense, 'HW-OTHER-OWN');
  ownDeviceElsewhere.rival = await activate(rival.token, rival.licenseId, 'HW-RIVAL-OWN');
  // The manager of another license of the company (not managed by the demo manager), with a seat
  // holder of their own; and the manager of a third license.
  const leadLicense = await settledManagerOf('lead@codeglass.example', 'lead-password', "Matrix: lead's license");
  const leadToken = await apiLogin(server.url, 'lead@codeglass.example', 'lead-password');
  accounts.otherManager = await account('lead@codeglass.example', 'lead-password', leadToken);
  ownDeviceElsewhere.otherManager = await activate(leadToken, leadLicense, 'HW-LEAD-OWN');
  const elsewhere = ELSEWHERE['user.reset_password, a seat elsewhere']!;
  elsewhere.id = await settledUser(elsewhere.email, 'shared-password');
  await sync(server.url, leadToken, [commands.assign(leadLicense, elsewhere.email)]);
  await settledManagerOf('lead2@codeglass.example', 'lead2-password', "Matrix: lead2's license");
  const lead2 = ELSEWHERE['user.reset_password, a manager elsewhere']!;
  lead2.id = (
    await server.db.kysely.selectFrom('users').select('id').where('email', '=', lead2.email).executeTakeFirstOrThrow()
  ).id;
});

const settledManagerOf = async (email: string, password: string, name: string) =>
  (await licenseOfNewManager(server, { email, password, name })).licenseId;
afterAll(async () => {
  console.log(`authorization matrix: ${cellsRun} cells (${MATRIX.length} requests x ${CALLERS.length} callers)`);
  await server.stop();
});

interface RowLicense {
  id: string;
  /** Active devices on it, by whose they are. */
  device: Record<'user' | 'removed' | 'manager', string>;
}

/**
 * A license of the demo company managed by the demo manager, held by the demo user, the target
 * seat holder and (until the end) the removed user; the manager, the user and the removed user
 * each activated one device on it while they held their seat.
 */
async function licenseForRow(row: number, request: string): Promise<RowLicense> {
  const manager = accounts.manager.token;
  const id = await demoCompanyLicense(server, { name: `Matrix row ${row}` });
  const elsewhere = ELSEWHERE[request];
  await sync(server.url, manager, [
    commands.assign(id, DEMO.user.email),
    commands.assign(id, accounts.removed.email),
    commands.assign(id, target.email),
    ...(elsewhere ? [commands.assign(id, elsewhere.email)] : []),
  ]);
  const device = {
    user: await activate(accounts.user.token, id, `HW-${row}-USER`),
    removed: await activate(accounts.removed.token, id, `HW-${row}-REMOVED`),
    manager: await activate(manager, id, `HW-${row}-MANAGER`),
  };
  const [removal] = await sync(server.url, manager, [commands.unassign(id, accounts.removed.id)]);
  expect(removal!.outcome).toBe('applied');
  return { id, device };
}

/** The one command of a command row, as this caller sends it. */
function commandFor(request: string, license: RowLicense, caller: Caller): Command {
  switch (request) {
    case 'device.reset, own device':
      if (caller === 'otherUser' || caller === 'rival' || caller === 'otherManager')
        return commands.resetDevice(ownDeviceElsewhere[caller]);
      return commands.resetDevice(license.device[caller === 'anonymous' ? 'user' : caller]);
    case "device.reset, another's":
      return commands.resetDevice(license.device[caller === 'user' ? 'manager' : 'user']);
    case 'license.reset':
      return commands.resetLicense(license.id);
    case 'user.assign':
      return commands.assign(license.id, `new-${license.id}@codeglass.example`, {
        initialPassword: generateInitialPassword(),
      });
    case 'user.unassign':
      return commands.unassign(license.id, target.id);
    case 'user.reset_password':
      return commands.resetPassword(license.id, target.id);
    case 'user.reset_password, a manager elsewhere':
    case 'user.reset_password, a seat elsewhere':
      return commands.resetPassword(license.id, ELSEWHERE[request]!.id);
  }
  throw new Error(`no command for ${request}`);
}

/** Sends the row's request as the caller; what it answered, in the words of the table. */
async function cell(request: string, license: RowLicense, caller: Caller): Promise<string> {
  const who = caller === 'anonymous' ? undefined : accounts[caller];
  const token = who?.token ?? null;
  const send = (method: string, path: string, body?: unknown, as = token) => api(server.url, as, method, path, body);
  const lic = `/licenses/${license.id}`;
  const sees = (ids: string[]) => (ids.includes(license.id) ? 'sees' : 'hides');
  const only = (owners: string[], own: string) => (owners.every((o) => o === own) ? 'own' : 'all');
  let answer: ApiAnswer;
  let view: ((body: ApiAnswer['body']) => string) | undefined;
  switch (request) {
    case 'GET /me':
      answer = await send('GET', '/me');
      break;
    case 'GET /licenses':
    case 'GET /licenses?email=':
      answer = await send('GET', request === 'GET /licenses' ? '/licenses' : `/licenses?email=${target.email}`);
      view = (body) => sees(body.licenses.map((l: { id: string }) => l.id));
      break;
    case 'GET /licenses/:id':
      answer = await send('GET', lic);
      break;
    case 'GET /licenses/:id/devices':
      answer = await send('GET', `${lic}/devices`);
      view = (body) =>
        only(
          body.devices.map((d: { userId: string }) => d.userId),
          who!.id,
        );
      break;
    case 'GET /licenses/:id/users':
      answer = await send('GET', `${lic}/users`);
      break;
    case 'GET /licenses/:id/events':
      answer = await send('GET', `${lic}/events`);
      view = (body) =>
        only(
          body.events.map((e: { actor: string }) => e.actor),
          who!.email,
        );
      break;
    case 'GET /status':
      answer = await send('GET', '/status');
      view = (body) => sees(body.licenses.map((l: { id: string }) => l.id));
      break;
    case 'POST /auth/logout': {
      // A session of its own, so the caller's main one lives on for the other rows.
      const fresh = who ? await apiLogin(server.url, who.email, who.password, who.company) : null;
      answer = await send('POST', '/auth/logout', undefined, fresh);
      break;
    }
    case 'POST /auth/sessions/end-others':
      // With the caller's main session, which stays; only their other sessions end.
      answer = await send('POST', '/auth/sessions/end-others', {});
      break;
    case 'POST /auth/password': {
      const newPassword = `${caller}-changed-password`;
      answer = await send('POST', '/auth/password', { currentPassword: who?.password ?? 'whatever', newPassword });
      if (who && answer.status === 204) who.password = newPassword;
      break;
    }
    case 'POST /activations':
      answer = await send('POST', '/activations', {
        licenseId: license.id,
        hardwareId: `HW-NEW-${caller}`,
        hostname: `new-${caller}`,
        os: 'Linux',
      });
      break;
    case 'POST /activations/check':
      answer = await send('POST', '/activations/check', { licenseId: license.id, hardwareId: 'HW-CHECK' });
      break;
    case 'POST /sync (no commands)':
      answer = await send('POST', '/sync', { clientId: 'matrix', commands: [] });
      break;
    default: {
      answer = await send('POST', '/sync', { clientId: 'matrix', commands: [commandFor(request, license, caller)] });
      if (answer.status === 200) {
        const [result] = answer.body.results;
        return result.outcome === 'rejected' ? result.code : `${result.outcome}${result.code ? ` ${result.code}` : ''}`;
      }
    }
  }
  if (answer.status >= 400) return `${answer.status} ${answer.body?.code}`;
  return view ? `${answer.status} ${view(answer.body)}` : String(answer.status);
}

/** A 4xx, or the code of a rejected command (any single word but `applied`). */
const refused = (expected: string) =>
  /^4\d\d /.test(expected) || (/^[a-z_]+$/.test(expected) && expected !== 'applied');

describe('the authorization matrix', () => {
  it.each(MATRIX.map((row, index) => [row[0], index, row.slice(1)] as const))(
    '%s',
    async (request, index, expected) => {
      const license = await licenseForRow(index, request);
      if (request === 'POST /activations/check') await activate(accounts.user.token, license.id, 'HW-CHECK');
      const answers: string[] = new Array(CALLERS.length);
      // Refusals first, so an allowed change in the row cannot decide another cell's answer.
      const order = CALLERS.map((caller, column) => ({ caller, column })).sort(
        (a, b) => Number(refused(expected[b.column]!)) - Number(refused(expected[a.column]!)),
      );
      for (const { caller, column } of order) {
        const before = refused(expected[column]!) ? await stateRows(server.db) : undefined;
        let answer = await cell(request, license, caller);
        if (before) {
          const changed = changedTables(before, await stateRows(server.db));
          if (changed.length > 0) answer += ` (but changed ${changed.join(', ')})`;
        }
        answers[column] = answer;
        cellsRun += 1;
      }
      // Caller by caller, in the table's order, so a failure shows the row as the table has it.
      expect(CALLERS.map((c, i) => `${c}: ${answers[i]}`)).toEqual(CALLERS.map((c, i) => `${c}: ${expected[i]}`));
    },
  );
});

describe('README.md', () => {
  it('gives the matrix`s size: its cells, requests and callers', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const cells = (MATRIX.length * CALLERS.length).toLocaleString('en-US');
    expect(readme).toContain(`| ${cells} cells (${MATRIX.length} requests x ${CALLERS.length} callers) |`);
  });
});
