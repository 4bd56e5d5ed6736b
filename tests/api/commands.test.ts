import { describe, expect, it } from 'vitest';
import { LicenseResponseSchema, UsersResponseSchema } from '@shared/schemas';
import { listAudit } from '../../server/db/audit';
import { changeLicense } from '../../server/admin/operations';
import { api, apiLogin } from '../support/portal-server';
import { commands, useDemoWorld, devicesOf, otherCompany, parsed, sync, syncOne } from './fixtures';

const world = useDemoWorld('test');

const license = async () =>
  parsed(
    LicenseResponseSchema,
    (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}`)).body,
  ).license;
const users = async () =>
  parsed(
    UsersResponseSchema,
    (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}/users`)).body,
  ).users;
const device = async (hostname: string) =>
  (await devicesOf(world.server.url, world.manager, world.licenseId)).find((d) => d.hostname === hostname)!;

describe('device.reset', () => {
  it('deactivates a user own device and counts one deactivation', async () => {
    const laptop = await device('dev-laptop');
    const result = await syncOne(world.server.url, world.dev, commands.resetDevice(laptop.id));
    expect(result).toMatchObject({ outcome: 'applied', result: { deviceId: laptop.id, deactivationCount: 3 } });
    expect((await device('dev-laptop')).active).toBe(false);
    expect(await license()).toMatchObject({ activations: { used: 2, max: 5 }, deactivations: { used: 3, max: 5 } });
  });

  it('is already_done for an inactive device and costs nothing', async () => {
    const old = await device('old-laptop');
    expect((await syncOne(world.server.url, world.dev, commands.resetDevice(old.id))).outcome).toBe('already_done');
    expect((await license()).deactivationCount).toBe(2);
  });

  it('answers a license user resetting someone else device as for a made-up id, and stores nothing; a manager may', async () => {
    const mbp = await device('morgan-mbp');
    const command = commands.resetDevice(mbp.id);
    const refused = await syncOne(world.server.url, world.dev, command);
    const madeUp = await syncOne(world.server.url, world.dev, commands.resetDevice('no-such-device'));
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'not_found' });
    expect({ ...refused, opId: '' }).toEqual({ ...madeUp, opId: '' });
    const stored = await world.server.db.kysely
      .selectFrom('applied_ops')
      .select('op_id')
      .where('op_id', '=', command.opId)
      .execute();
    expect(stored).toEqual([]);
    expect(
      (await syncOne(world.server.url, world.manager, commands.resetDevice((await device('dev-desktop')).id))).outcome,
    ).toBe('applied');
  });

  it('refuses at the deactivation limit with the contact-us message', async () => {
    await changeLicense(world.server.db, world.licenseId, { maxDeactivations: 2 });
    const result = await syncOne(world.server.url, world.dev, commands.resetDevice((await device('dev-laptop')).id));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'deactivation_limit_reached' });
    expect(result.message).toMatch(/contact us to reset your limit/);
    expect((await device('dev-laptop')).active).toBe(true);
  });

  it('deactivates a device once when the same request resets it twice', async () => {
    const laptop = await device('dev-laptop');
    const results = await sync(world.server.url, world.dev, [
      commands.resetDevice(laptop.id),
      commands.resetDevice(laptop.id),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'already_done']);
    expect(results[1]).toMatchObject({ result: { deactivationCount: 3 } });
    expect(await license()).toMatchObject({ activations: { used: 2 }, deactivations: { used: 3 } });
  });

  it('answers not_found for an unknown device and for another company device', async () => {
    expect(await syncOne(world.server.url, world.dev, commands.resetDevice('no-such-device'))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    const rival = await otherCompany(world.server);
    const laptop = await device('dev-laptop');
    expect(await syncOne(world.server.url, rival.token, commands.resetDevice(laptop.id))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    expect((await device('dev-laptop')).active).toBe(true);
  });
});

describe('license.reset', () => {
  it('deactivates every active device and unassigns everyone but the managers', async () => {
    const result = await syncOne(
      world.server.url,
      world.manager,
      commands.resetLicense(world.licenseId, { activeDevices: 3, assignedUsers: 1 }),
    );
    expect(result).toMatchObject({
      outcome: 'applied',
      result: { devicesDeactivated: 3, usersUnassigned: 1, deactivationCount: 5 },
    });
    expect(await license()).toMatchObject({
      activations: { used: 0 },
      seats: { used: 1 },
      deactivations: { used: 5, max: 5 },
    });
    expect((await users()).map((u) => u.email)).toEqual(['manager@codeglass.example']);
    expect((await syncOne(world.server.url, world.manager, commands.resetLicense(world.licenseId))).outcome).toBe(
      'already_done',
    );
  });

  it('deactivates only the devices still active after resets earlier in the same request', async () => {
    const laptop = await device('dev-laptop');
    const results = await sync(world.server.url, world.manager, [
      commands.resetDevice(laptop.id),
      commands.resetLicense(world.licenseId, { activeDevices: 2, assignedUsers: 1 }),
    ]);
    expect(results).toMatchObject([
      { outcome: 'applied', result: { deactivationCount: 3 } },
      { outcome: 'applied', result: { devicesDeactivated: 2, deactivationCount: 5 } },
    ]);
    expect(await license()).toMatchObject({ activations: { used: 0 }, deactivations: { used: 5, max: 5 } });
  });

  it('is all or nothing: with fewer deactivations left than active devices nothing changes', async () => {
    await changeLicense(world.server.db, world.licenseId, { maxDeactivations: 4 });
    const result = await syncOne(world.server.url, world.manager, commands.resetLicense(world.licenseId));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'deactivation_limit_reached' });
    expect(await license()).toMatchObject({ activations: { used: 3 }, seats: { used: 2 }, deactivationCount: 2 });
  });

  it('is a conflict when it would now deactivate more devices than the user saw, and changes nothing', async () => {
    const result = await syncOne(
      world.server.url,
      world.manager,
      commands.resetLicense(world.licenseId, { activeDevices: 2, assignedUsers: 1 }),
    );
    expect(result).toMatchObject({ outcome: 'conflict', code: 'conflict' });
    expect(result.message).toMatch(/confirm it again/);
    expect(await license()).toMatchObject({ activations: { used: 3 }, deactivationCount: 2 });
  });

  it('is for managers only', async () => {
    expect(await syncOne(world.server.url, world.dev, commands.resetLicense(world.licenseId))).toMatchObject({
      outcome: 'rejected',
      code: 'not_license_manager',
    });
    expect((await license()).activations.used).toBe(3);
  });
});

describe('user.assign and user.unassign', () => {
  it('creates the account of an unknown email with a server-generated password returned once', async () => {
    const command = commands.assign(world.licenseId, 'Quinn@CodeGlass.example', {
      firstName: 'Quinn',
      lastName: 'Quality',
    });
    const result = await syncOne(world.server.url, world.manager, command);
    expect(result).toMatchObject({ outcome: 'applied', result: { created: true } });
    const password = result.result!.initialPassword!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await apiLogin(world.server.url, 'quinn@codeglass.example', password)).toBeTruthy();
    expect((await users()).find((u) => u.email === 'quinn@codeglass.example')).toMatchObject({
      firstName: 'Quinn',
      lastName: 'Quality',
      isManager: false,
    });
    // The replay answers the same outcome but never repeats the password.
    const replay = await syncOne(world.server.url, world.manager, command);
    expect(replay).toMatchObject({ outcome: 'applied', result: { userId: result.result!.userId, created: true } });
    expect(replay.result!.initialPassword).toBeUndefined();
  });

  it('is already_done for a user who holds a seat', async () => {
    expect(
      (await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, 'dev@codeglass.example')))
        .outcome,
    ).toBe('already_done');
  });

  it('refuses past the seats with max_license_users_reached', async () => {
    expect(
      (
        await syncOne(
          world.server.url,
          world.manager,
          commands.assign(world.licenseId, 'third@codeglass.example', { initialPassword: 'third-pass-1' }),
        )
      ).outcome,
    ).toBe('applied');
    const result = await syncOne(
      world.server.url,
      world.manager,
      commands.assign(world.licenseId, 'fourth@codeglass.example', { initialPassword: 'fourth-pass-1' }),
    );
    expect(result).toMatchObject({ outcome: 'rejected', code: 'max_license_users_reached' });
    expect(result.message).toMatch(/^Max license users number reached/);
    await expect(apiLogin(world.server.url, 'fourth@codeglass.example', 'fourth-pass-1')).rejects.toThrow(/401/);
  });

  it('unassigns a license user, is already_done the second time, and never unassigns a manager', async () => {
    const list = await users();
    const devUser = list.find((u) => u.email === 'dev@codeglass.example')!;
    const mgr = list.find((u) => u.isManager)!;
    expect(
      (await syncOne(world.server.url, world.manager, commands.unassign(world.licenseId, devUser.id))).outcome,
    ).toBe('applied');
    expect(
      (await syncOne(world.server.url, world.manager, commands.unassign(world.licenseId, devUser.id))).outcome,
    ).toBe('already_done');
    expect(await syncOne(world.server.url, world.manager, commands.unassign(world.licenseId, mgr.id))).toMatchObject({
      outcome: 'rejected',
      code: 'cannot_unassign_manager',
    });
    expect((await license()).seats.used).toBe(1);
  });

  it('is for managers only, and not_found for another company license', async () => {
    expect(
      await syncOne(world.server.url, world.dev, commands.assign(world.licenseId, 'x@codeglass.example')),
    ).toMatchObject({
      outcome: 'rejected',
      code: 'not_license_manager',
    });
    expect(await syncOne(world.server.url, world.dev, commands.unassign(world.licenseId, 'whoever'))).toMatchObject({
      outcome: 'rejected',
      code: 'not_license_manager',
    });
    const rival = await otherCompany(world.server);
    expect(
      await syncOne(world.server.url, world.manager, commands.assign(rival.licenseId, 'x@codeglass.example')),
    ).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    expect(await syncOne(world.server.url, rival.token, commands.resetLicense(world.licenseId))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
  });
});

describe('audit log', () => {
  it('records every applied command with actor, license, action and opId, and nothing for refusals', async () => {
    const reset = commands.resetDevice((await device('dev-laptop')).id);
    await syncOne(world.server.url, world.dev, reset);
    await syncOne(world.server.url, world.dev, commands.resetLicense(world.licenseId));
    const events = await listAudit(world.server.db.kysely, { licenseId: world.licenseId, limit: 10 });
    expect(events[0]).toMatchObject({
      actor: 'dev@codeglass.example',
      licenseId: world.licenseId,
      action: 'device.reset',
      opId: reset.opId,
    });
    expect(events.filter((e) => e.action === 'license.reset')).toHaveLength(0);
  });
});
