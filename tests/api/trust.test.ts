import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LicenseResponseSchema, UsersResponseSchema, type Command } from '@shared/schemas';
import { api } from '../support/portal-server';
import {
  asDev,
  asManager,
  commands,
  demoLicense,
  devicesOf,
  otherCompany,
  parsed,
  startTestServer,
  sync,
  syncOne,
  type TestServer,
} from './fixtures';

let server: TestServer;
let manager: string;
let dev: string;
let licenseId: string;
let clock: Date;

beforeEach(async () => {
  clock = new Date();
  server = await startTestServer({ now: () => clock });
  manager = await asManager(server.url);
  dev = await asDev(server.url);
  licenseId = (await demoLicense(server.url, manager)).id;
});
afterEach(() => server.stop());

const license = async () =>
  parsed(LicenseResponseSchema, (await api(server.url, manager, 'GET', `/licenses/${licenseId}`)).body).license;
const device = async (hostname: string) =>
  (await devicesOf(server.url, manager, licenseId)).find((d) => d.hostname === hostname)!;
const storedRows = async () =>
  Number(
    (
      await server.db.kysely
        .selectFrom('applied_ops')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
/** The same command under another opId: what a second user sends reusing the first one's id. */
const under = (opId: string, command: Command): Command => ({ ...command, opId });

describe('what a caller without rights can make the server do', () => {
  it('stores no refusal for unknown licenses and answers a license user past 20 such commands too_many_commands', async () => {
    const before = await storedRows();
    const cmds = Array.from({ length: 25 }, () =>
      commands.assign(randomUUID(), `x${randomUUID()}@codeglass.example`, { initialPassword: 'typed-by-hand' }),
    );
    const results = await sync(server.url, dev, cmds);
    expect(results.slice(0, 20).every((r) => r.outcome === 'rejected' && r.code === 'not_found')).toBe(true);
    expect(results.slice(20).map((r) => r.code)).toEqual(Array(5).fill('too_many_commands'));
    expect(results[20]!.message).toMatch(/Too many changes/);
    expect(await storedRows()).toBe(before);
  });

  it('lets a license user send any number of resets of their own devices', async () => {
    const laptop = await device('dev-laptop');
    const results = await sync(
      server.url,
      dev,
      Array.from({ length: 30 }, () => commands.resetDevice(laptop.id)),
    );
    expect(results[0]!.outcome).toBe('applied');
    expect(results.slice(1).every((r) => r.outcome === 'already_done')).toBe(true);
  });

  it('forgets stored results after 90 days', async () => {
    const mgr = (await api(server.url, manager, 'GET', '/me')).body.user.id as string;
    await syncOne(server.url, manager, commands.unassign(licenseId, mgr));
    const kept = await storedRows();
    expect(kept).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 91 * 86_400_000);
    manager = await asManager(server.url);
    await syncOne(server.url, manager, commands.resetLicense('no-such-license'));
    expect(await storedRows()).toBe(0);
  });
});

describe('an opId answers only the command it was used for', () => {
  it("gives another user's command under a used opId op_id_reused and changes nothing", async () => {
    const first = commands.resetDevice((await device('dev-laptop')).id);
    expect((await syncOne(server.url, dev, first)).outcome).toBe('applied');
    const desktop = await device('dev-desktop');
    const reused = await syncOne(server.url, manager, under(first.opId, commands.resetDevice(desktop.id)));
    expect(reused).toMatchObject({ outcome: 'rejected', code: 'op_id_reused' });
    expect((await device('dev-desktop')).active).toBe(true);
    expect((await license()).deactivationCount).toBe(3);
  });

  it('refuses the same user a different command under a used opId', async () => {
    const first = commands.resetDevice((await device('dev-laptop')).id);
    await syncOne(server.url, dev, first);
    const other = under(first.opId, commands.resetDevice((await device('dev-desktop')).id));
    expect(await syncOne(server.url, dev, other)).toMatchObject({ outcome: 'rejected', code: 'op_id_reused' });
    expect((await device('dev-desktop')).active).toBe(true);
  });

  it('answers a second use of an opId in one batch op_id_reused and applies only the first', async () => {
    const laptop = commands.resetDevice((await device('dev-laptop')).id);
    const desktop = under(laptop.opId, commands.resetDevice((await device('dev-desktop')).id));
    const results = await sync(server.url, dev, [laptop, desktop]);
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'op_id_reused'],
    ]);
    expect((await device('dev-desktop')).active).toBe(true);
    expect((await license()).deactivationCount).toBe(3);
  });

  it("never answers a user with another user's stored refusal", async () => {
    const refused = commands.unassign(licenseId, 'whoever');
    expect(await syncOne(server.url, dev, refused)).toMatchObject({ code: 'not_license_manager' });
    const mbp = await device('morgan-mbp');
    const later = await syncOne(server.url, manager, under(refused.opId, commands.resetDevice(mbp.id)));
    expect(later).toMatchObject({ outcome: 'rejected', code: 'op_id_reused' });
    expect((await device('morgan-mbp')).active).toBe(true);
  });
});

describe('a user removed from a license', () => {
  it('can no longer spend its deactivations on their own devices (not_assigned)', async () => {
    const users = parsed(
      UsersResponseSchema,
      (await api(server.url, manager, 'GET', `/licenses/${licenseId}/users`)).body,
    );
    const devUser = users.users.find((u) => u.email === 'dev@codeglass.example')!;
    expect((await syncOne(server.url, manager, commands.unassign(licenseId, devUser.id))).outcome).toBe('applied');
    const result = await syncOne(server.url, dev, commands.resetDevice((await device('dev-laptop')).id));
    expect(result).toMatchObject({ outcome: 'rejected', code: 'not_assigned' });
    expect((await device('dev-laptop')).active).toBe(true);
    expect((await license()).deactivationCount).toBe(2);
  });
});

describe('answers across companies reveal nothing', () => {
  it('answers a real and a made-up foreign device alike, and holds nothing behind them', async () => {
    const rival = await otherCompany(server);
    const real = await sync(server.url, rival.token, [
      commands.resetDevice((await device('dev-laptop')).id),
      commands.resetLicense(licenseId),
    ]);
    const madeUp = await sync(server.url, rival.token, [
      commands.resetDevice(randomUUID()),
      commands.resetLicense(randomUUID()),
    ]);
    const shape = (results: typeof real) => results.map((r) => [r.outcome, r.code, r.message]);
    expect(shape(real)).toEqual(shape(madeUp));
    expect(shape(real)).toEqual([
      ['rejected', 'not_found', expect.any(String)],
      ['rejected', 'not_found', expect.any(String)],
    ]);
    expect((await license()).activations.used).toBe(3);
  });
});
