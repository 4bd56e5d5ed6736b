import { describe, expect, it } from 'vitest';
import { UsersResponseSchema } from '@shared/schemas';
import { listAudit } from '../../server/db/audit';
import { api, apiLogin } from '../support/portal-server';
import {
  asDev,
  commands,
  DEMO,
  demoCompanyLicense,
  useDemoWorld,
  licenseOfNewManager,
  otherCompany,
  parsed,
  syncOne,
} from './fixtures';

const world = useDemoWorld('test');

const seatOf = async (email: string) =>
  parsed(
    UsersResponseSchema,
    (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}/users`)).body,
  ).users.find((u) => u.email === email)!;

describe('user.reset_password', () => {
  it('gives a seat holder a new initial password, ends their sessions and makes them change it', async () => {
    const devToken = await asDev(world.server.url);
    const dev = await seatOf(DEMO.user.email);
    const result = await syncOne(world.server.url, world.manager, commands.resetPassword(world.licenseId, dev.id));
    expect(result).toMatchObject({ outcome: 'applied', result: { userId: dev.id } });
    const initial = result.result!.initialPassword!;
    expect(initial).toMatch(/^[A-Za-z0-9]{14}$/);
    // Their open session ended; the old password no longer works; the new one must be changed first.
    expect((await api(world.server.url, devToken, 'GET', '/me')).status).toBe(401);
    await expect(apiLogin(world.server.url, DEMO.user.email, DEMO.user.password)).rejects.toThrow(/401/);
    const fresh = await apiLogin(world.server.url, DEMO.user.email, initial);
    expect((await api(world.server.url, fresh, 'GET', '/me')).body.user.mustChangePassword).toBe(true);
    expect((await api(world.server.url, fresh, 'GET', '/licenses')).body.code).toBe('password_change_required');
    const events = await listAudit(world.server.db.kysely, { licenseId: world.licenseId, limit: 1 });
    expect(events[0]).toMatchObject({ action: 'user.reset_password', actor: DEMO.manager.email });
  });

  it('uses the initial password queued with the command and does not send it back', async () => {
    const dev = await seatOf(DEMO.user.email);
    const queued = 'Kq7mZr2pXw9sTb';
    const result = await syncOne(
      world.server.url,
      world.manager,
      commands.resetPassword(world.licenseId, dev.id, queued),
    );
    expect(result.outcome).toBe('applied');
    expect(result.result?.initialPassword).toBeUndefined();
    expect(await apiLogin(world.server.url, DEMO.user.email, queued)).toBeTruthy();
  });

  it('refuses a license user, another manager, someone without a seat and another company', async () => {
    const dev = await seatOf(DEMO.user.email);
    const me = await seatOf(DEMO.manager.email);
    const devToken = await asDev(world.server.url);
    expect(await syncOne(world.server.url, devToken, commands.resetPassword(world.licenseId, dev.id))).toMatchObject({
      outcome: 'rejected',
      code: 'not_license_manager',
    });
    expect(
      await syncOne(world.server.url, world.manager, commands.resetPassword(world.licenseId, me.id)),
    ).toMatchObject({
      outcome: 'rejected',
      code: 'cannot_reset_manager_password',
    });
    expect(
      await syncOne(world.server.url, world.manager, commands.resetPassword(world.licenseId, 'no-such-user')),
    ).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    const rival = await otherCompany(world.server);
    expect(await syncOne(world.server.url, rival.token, commands.resetPassword(world.licenseId, dev.id))).toMatchObject(
      {
        outcome: 'rejected',
        code: 'not_found',
      },
    );
    // Nothing changed: the user still signs in with their own password.
    expect(await apiLogin(world.server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();
  });
});

describe('user.reset_password across licenses (the account, not the license, decides)', () => {
  /** A second license of the company, with a manager of its own (not the demo manager). */
  const licenseOfAnotherManager = () =>
    licenseOfNewManager(world.server, {
      email: 'boss-b@codeglass.example',
      password: 'boss-b-password',
      name: 'Another team',
    });

  it("refuses to reset another license's manager whom this manager assigned a seat, and that manager keeps their password", async () => {
    const other = await licenseOfAnotherManager();
    // The takeover: assign the other license's manager to this license (that applies), then reset them.
    const assign = await syncOne(
      world.server.url,
      world.manager,
      commands.assign(world.licenseId, 'boss-b@codeglass.example'),
    );
    expect(assign.outcome).toBe('applied');
    const reset = await syncOne(
      world.server.url,
      world.manager,
      commands.resetPassword(world.licenseId, other.managerId, 'Chosen-by-the-attacker-7Qx'),
    );
    expect(reset).toMatchObject({ outcome: 'rejected', code: 'cannot_reset_manager_password' });
    await expect(apiLogin(world.server.url, 'boss-b@codeglass.example', 'Chosen-by-the-attacker-7Qx')).rejects.toThrow(
      /401/,
    );
    expect(await apiLogin(world.server.url, 'boss-b@codeglass.example', 'boss-b-password')).toBeTruthy();
  });

  it('refuses to reset a seat holder who also holds a seat on a license this manager does not manage', async () => {
    const other = await licenseOfAnotherManager();
    const bossB = await apiLogin(world.server.url, 'boss-b@codeglass.example', 'boss-b-password');
    const dev = await seatOf(DEMO.user.email);
    expect((await syncOne(world.server.url, bossB, commands.assign(other.licenseId, DEMO.user.email))).outcome).toBe(
      'applied',
    );
    const reset = await syncOne(world.server.url, world.manager, commands.resetPassword(world.licenseId, dev.id));
    expect(reset).toMatchObject({ outcome: 'rejected', code: 'cannot_reset_password_elsewhere' });
    expect(reset.message).toMatch(/license you do not manage/);
    expect(await apiLogin(world.server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();
  });

  it('resets a seat holder of two licenses this manager manages, and logs it on both', async () => {
    const second = await demoCompanyLicense(world.server, { name: 'Second team' });
    const dev = await seatOf(DEMO.user.email);
    expect((await syncOne(world.server.url, world.manager, commands.assign(second, DEMO.user.email))).outcome).toBe(
      'applied',
    );
    const command = commands.resetPassword(world.licenseId, dev.id);
    expect((await syncOne(world.server.url, world.manager, command)).outcome).toBe('applied');
    for (const id of [world.licenseId, second]) {
      const [event] = await listAudit(world.server.db.kysely, { licenseId: id, limit: 1 });
      expect(event).toMatchObject({ action: 'user.reset_password', opId: command.opId });
    }
  });
});

describe('initial passwords of resets', () => {
  it('refuses an initial password that is easy to guess, naming the field, and changes nothing', async () => {
    const dev = await seatOf(DEMO.user.email);
    for (const weak of ['abcdefghjkmnpq', 'Summer2345abcd']) {
      const result = await syncOne(
        world.server.url,
        world.manager,
        commands.resetPassword(world.licenseId, dev.id, weak),
      );
      expect(result).toMatchObject({ outcome: 'rejected', code: 'weak_password' });
      expect(result.message).toMatch(/^initialPassword: /);
    }
    expect(await apiLogin(world.server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();
  });

  it('stores the new initial password with scrypt, a generated one too', async () => {
    const dev = await seatOf(DEMO.user.email);
    for (const queued of ['Kq7mZr2pXw9sTb', undefined]) {
      expect(
        (await syncOne(world.server.url, world.manager, commands.resetPassword(world.licenseId, dev.id, queued)))
          .outcome,
      ).toBe('applied');
      const row = await world.server.db.kysely
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', dev.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    }
  });
});
