import { describe, expect, it } from 'vitest';
import { ActivationCheckResponseSchema, ActivationResponseSchema } from '@shared/schemas';
import { changeLicense, createUser } from '../../server/admin/operations';
import { api, apiLogin } from '../support/portal-server';
import { useDemoWorld, devicesOf, otherCompany, parsed } from './fixtures';

const world = useDemoWorld('file');

const activate = (token: string, hardwareId: string, hostname = 'build-box', lic = world.licenseId) =>
  api(world.server.url, token, 'POST', '/activations', { licenseId: lic, hardwareId, hostname, os: 'Fedora 41' });
const check = (token: string, hardwareId: string) =>
  api(world.server.url, token, 'POST', '/activations/check', { licenseId: world.licenseId, hardwareId });

describe('the licensed product activating', () => {
  it('activates a new machine, then only refreshes it when it activates again', async () => {
    const first = await activate(world.dev, 'HW-NEW-1');
    expect(first.status).toBe(201);
    const { device } = parsed(ActivationResponseSchema, first.body);
    expect(device).toMatchObject({ hardwareId: 'HW-NEW-1', active: true, userEmail: 'dev@codeglass.example' });
    const again = await activate(world.dev, 'HW-NEW-1', 'build-box-renamed');
    expect(again.status).toBe(200);
    const refreshed = parsed(ActivationResponseSchema, again.body).device;
    expect(refreshed.id).toBe(device.id);
    expect(refreshed.hostname).toBe('build-box-renamed');
    expect(Date.parse(refreshed.lastCheckedAt)).toBeGreaterThanOrEqual(Date.parse(device.lastCheckedAt));
    expect((await devicesOf(world.server.url, world.manager, world.licenseId)).filter((d) => d.active)).toHaveLength(4);
  });

  it("tells a license user nothing of another user's machine they activate: 409 hardware_in_use", async () => {
    const mbp = (await devicesOf(world.server.url, world.manager, world.licenseId)).find(
      (d) => d.hostname === 'morgan-mbp',
    )!;
    const shared = await activate(world.dev, mbp.hardwareId, 'not-my-name');
    expect(shared.status).toBe(409);
    expect(shared.body.code).toBe('hardware_in_use');
    const text = JSON.stringify(shared.body);
    for (const secret of ['manager@codeglass.example', 'morgan-mbp', mbp.id]) expect(text).not.toContain(secret);
    const after = (await devicesOf(world.server.url, world.manager, world.licenseId)).find((d) => d.id === mbp.id)!;
    expect(after).toMatchObject({ hostname: 'morgan-mbp', active: true, userEmail: 'manager@codeglass.example' });
    // A manager, who sees every device of the license anyway, gets the record without renaming it.
    const devsActive = (await devicesOf(world.server.url, world.dev, world.licenseId)).find((d) => d.active)!;
    const managed = await activate(world.manager, devsActive.hardwareId, 'x');
    expect(managed.status).toBe(200);
    expect(parsed(ActivationResponseSchema, managed.body).device.userEmail).toBe('dev@codeglass.example');
  });

  it('refuses a machine past maxActivations with 409 activation_limit_reached', async () => {
    expect((await activate(world.manager, 'HW-NEW-2')).status).toBe(201);
    const res = await activate(world.dev, 'HW-NEW-3');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('activation_limit_reached');
    expect(res.body.message).toMatch(/too many devices/);
  });

  it('activates a previously deactivated machine again as a new activation', async () => {
    // Make room: the demo license is at 5 of 5 after the tests above.
    await changeLicense(world.server.db, world.licenseId, { maxActivations: 6 });
    const old = (await devicesOf(world.server.url, world.dev, world.licenseId)).find(
      (d) => d.hostname === 'old-laptop',
    )!;
    expect(old.active).toBe(false);
    const res = await activate(world.dev, old.hardwareId, 'old-laptop');
    expect(res.status).toBe(201);
    const { device } = parsed(ActivationResponseSchema, res.body);
    expect(device.id).not.toBe(old.id);
    expect(device.active).toBe(true);
  });

  it('answers whether a machine is active, with the license', async () => {
    const yes = parsed(ActivationCheckResponseSchema, (await check(world.dev, 'HW-NEW-1')).body);
    expect(yes.active).toBe(true);
    expect(yes.license.id).toBe(world.licenseId);
    expect(parsed(ActivationCheckResponseSchema, (await check(world.dev, 'HW-NEVER-SEEN')).body).active).toBe(false);
  });

  it("answers a license user about another user's machine as about an unknown one, and records no check-in", async () => {
    const devices = await devicesOf(world.server.url, world.manager, world.licenseId);
    const managers = devices.find((d) => d.active && d.userEmail === 'manager@codeglass.example')!;
    // Its last check-in long ago, so a check-in now would be written.
    const longAgo = '2020-01-01T00:00:00.000Z';
    await world.server.db.kysely
      .updateTable('devices')
      .set({ last_checked_at: longAgo })
      .where('id', '=', managers.id)
      .execute();
    const theirs = (await check(world.dev, managers.hardwareId)).body;
    const unknown = (await check(world.dev, 'HW-NEVER-SEEN')).body;
    expect(theirs).toEqual(unknown);
    expect(theirs.active).toBe(false);
    const after = await world.server.db.kysely
      .selectFrom('devices')
      .select('last_checked_at')
      .where('id', '=', managers.id)
      .executeTakeFirstOrThrow();
    expect(after.last_checked_at).toBe(longAgo);
    // The license's manager may ask about any machine of it, as activating does.
    expect(parsed(ActivationCheckResponseSchema, (await check(world.manager, 'HW-NEW-1')).body).active).toBe(true);
  });

  it('refuses someone without a seat with 403 not_assigned', async () => {
    await createUser(world.server.db, {
      company: 'CodeGlass',
      email: 'seatless@codeglass.example',
      password: 'seatless-pass',
      mustChangePassword: false,
    });
    const token = await apiLogin(world.server.url, 'seatless@codeglass.example', 'seatless-pass');
    const res = await activate(token, 'HW-SEATLESS');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_assigned');
    // ... and cannot read the license by checking either.
    expect((await check(token, 'HW-NEW-1')).status).toBe(404);
  });

  it('answers 404 for another company license', async () => {
    const rival = await otherCompany(world.server);
    expect((await activate(rival.token, 'HW-RIVAL')).status).toBe(404);
  });

  it('refuses a disabled license (403 license_disabled) and an expired one (403 license_expired), whose pages stay readable', async () => {
    await changeLicense(world.server.db, world.licenseId, { maxActivations: null, status: 'disabled' });
    const disabled = await activate(world.dev, 'HW-LATE-1');
    expect(disabled.status).toBe(403);
    expect(disabled.body.code).toBe('license_disabled');
    await changeLicense(world.server.db, world.licenseId, {
      status: 'active',
      validUntil: new Date(Date.now() - 60_000).toISOString(),
    });
    const expired = await activate(world.dev, 'HW-LATE-2');
    expect(expired.status).toBe(403);
    expect(expired.body.code).toBe('license_expired');
    expect(expired.body.message).toMatch(/expired/);
    expect((await api(world.server.url, world.dev, 'GET', `/licenses/${world.licenseId}`)).status).toBe(200);
    expect((await api(world.server.url, world.dev, 'GET', `/licenses/${world.licenseId}/devices`)).status).toBe(200);
  });
});
