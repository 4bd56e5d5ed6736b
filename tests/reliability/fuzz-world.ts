import { expect } from 'vitest';
import { createUser } from '../../server/admin/operations';
import type { RunningServer } from '../../server/start';
import {
  asDev,
  asManager,
  commands,
  DEMO,
  demoCompanyLicense,
  demoLicense,
  devicesOf,
  otherCompany,
  sync,
} from '../api/fixtures';
import { api, apiLogin } from '../support/portal-server';
import { ACTORS, type ActorName, type FuzzWorld } from './fuzz-commands';

async function activate(server: RunningServer, token: string, licenseId: string, hardwareId: string) {
  const res = await api(server.url, token, 'POST', '/activations', {
    licenseId,
    hardwareId,
    hostname: hardwareId,
    os: 'Linux',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.device.id as string;
}

/**
 * What the fuzz attacks, on top of the demo data: a second license of the demo company held by
 * another user, a rival company, a user who has not changed their initial password, and a pool
 * license on which the allowed changes between the fuzz's rounds happen. A few commands are
 * applied first, so their opIds are there to be reused by others.
 */
export async function buildWorld(server: RunningServer) {
  const tokens = {} as Record<ActorName, string>;
  const create = (email: string, password?: string) =>
    createUser(server.db, {
      company: DEMO.companyId,
      email,
      ...(password ? { password, mustChangePassword: false } : {}),
    });
  const activateAs = (actor: ActorName, licenseId: string, hardwareId: string) =>
    activate(server, tokens[actor], licenseId, hardwareId);

  tokens.manager = await asManager(server.url);
  tokens.user = await asDev(server.url);
  const demo = await demoLicense(server.url, tokens.manager);
  const demoDevices = await devicesOf(server.url, tokens.manager, demo.id);
  const other = await demoCompanyLicense(server, { name: 'Fuzz other' });
  const otherUser = await create('other@codeglass.example', 'other-password');
  const mustChange = await create('fresh@codeglass.example');
  await sync(server.url, tokens.manager, [commands.assign(other, otherUser.email)]);
  tokens.other = await apiLogin(server.url, otherUser.email, 'other-password');
  tokens.mustChange = await apiLogin(server.url, mustChange.email, mustChange.password!);
  const rival = await otherCompany(server, { maxActivations: null, maxDeactivations: null });
  tokens.rival = rival.token;

  const pool = await demoCompanyLicense(server, { name: 'Fuzz pool', quantity: 200 });
  await sync(server.url, tokens.manager, [commands.assign(pool, DEMO.user.email)]);
  const managerDevices = await Promise.all(
    Array.from({ length: 60 }, (_, i) => activateAs('manager', pool, `HW-POOL-${i}`)),
  );
  const userDevices = await Promise.all([0, 1].map((i) => activateAs('user', pool, `HW-POOL-USER-${i}`)));
  const applied: FuzzWorld['applied'] = [
    ...managerDevices.splice(0, 3).map((id) => ({ actor: 'manager' as const, command: commands.resetDevice(id) })),
    ...userDevices.map((id) => ({ actor: 'user' as const, command: commands.resetDevice(id) })),
  ];
  for (const { actor, command } of applied) {
    const [result] = await sync(server.url, tokens[actor], [command]);
    expect(result!.outcome).toBe('applied');
  }

  const me = async (actor: ActorName) => [actor, (await api(server.url, tokens[actor], 'GET', '/me')).body.user];
  const users = Object.fromEntries(await Promise.all(ACTORS.map(me))) as FuzzWorld['users'];
  const licenses = { demo: demo.id, other, rival: rival.licenseId, pool };
  const world: FuzzWorld = {
    licenses,
    devices: {
      userLaptop: demoDevices.find((d) => d.hostname === 'dev-laptop')!.id,
      managerMbp: demoDevices.find((d) => d.hostname === 'morgan-mbp')!.id,
      other: await activateAs('other', other, 'HW-OTHER'),
      rival: await activateAs('rival', rival.licenseId, 'HW-RIVAL'),
    },
    users,
    cannotActivate: {
      manager: [licenses.rival],
      user: [licenses.other, licenses.rival],
      other: [licenses.demo, licenses.rival, licenses.pool],
      rival: [licenses.demo, licenses.other, licenses.pool],
      mustChange: Object.values(licenses),
    },
    applied,
  };
  return { world, tokens, managerPoolDevices: managerDevices, activateAs };
}
