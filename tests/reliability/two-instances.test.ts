import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInitialPassword } from '@shared/commands';
import type { Command, SyncResult } from '@shared/schemas';
import { asManager, commands, DEMO, demoCompanyLicense, devicesOf, startTestServer, syncOne } from '../api/fixtures';
import { api, freshPostgresDatabase } from '../support/portal-server';

/**
 * Scale-out: two server instances on one PostgreSQL database, each with its own connection pool,
 * get the same commands and racing changes at a limit at the same moment. Limits hold across
 * both, each opId applies once, and the sign-in limits are one count. Runs when TEST_POSTGRES_URL
 * names a PostgreSQL server (CI sets it; `bash .ci/postgres.sh start DIR` starts one).
 */
const POSTGRES = process.env.TEST_POSTGRES_URL;
if (!POSTGRES) console.log('two-instances: skipped, set TEST_POSTGRES_URL to run two servers on one PostgreSQL');

type Server = Awaited<ReturnType<typeof startTestServer>>;
let a: Server;
let b: Server;
/** The demo manager, signed in on each instance. */
let managerOn: Map<Server, string>;

describe.skipIf(!POSTGRES)('two server instances on one PostgreSQL database', () => {
  beforeAll(async () => {
    const databaseUrl = await freshPostgresDatabase(POSTGRES!);
    const options = { databaseUrl, trustProxy: 1, rateLimits: { slowStepMs: 1, slowMaxMs: 5 } };
    // One after the other: the first migrates and seeds, the second finds it done.
    a = await startTestServer(options);
    b = await startTestServer(options);
    managerOn = new Map([
      [a, await asManager(a.url)],
      [b, await asManager(b.url)],
    ]);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  /** The i-th of many requests goes to one instance or the other. */
  const either = (i: number) => (i % 2 === 0 ? a : b);
  const syncOn = (server: Server, command: Command) => syncOne(server.url, managerOn.get(server)!, command);
  const activate = (server: Server, licenseId: string, hardwareId: string) =>
    api(server.url, managerOn.get(server)!, 'POST', '/activations', {
      licenseId,
      hardwareId,
      hostname: hardwareId,
      os: 'Linux',
    });
  async function licenseWithDevices(limits: Parameters<typeof demoCompanyLicense>[1], devices: number) {
    const id = await demoCompanyLicense(a, limits);
    for (let n = 0; n < devices; n++) expect((await activate(either(n), id, `HW-${id}-${n}`)).status).toBe(201);
    return { id, devices: await devicesOf(a.url, managerOn.get(a)!, id) };
  }

  /** The license's counters, and what its rows say they should be. */
  async function counts(licenseId: string) {
    const db = a.db.kysely;
    const license = await db.selectFrom('licenses').selectAll().where('id', '=', licenseId).executeTakeFirstOrThrow();
    const devices = await db.selectFrom('devices').select('active').where('license_id', '=', licenseId).execute();
    const seats = await db.selectFrom('assignments').select('user_id').where('license_id', '=', licenseId).execute();
    return {
      counted: {
        activeDevices: license.active_devices,
        seats: license.seats_used,
        deactivations: license.deactivation_count,
      },
      rows: {
        activeDevices: devices.filter((d) => d.active === 1).length,
        seats: seats.length,
        inactiveDevices: devices.filter((d) => d.active === 0).length,
      },
    };
  }

  const outcomes = (results: SyncResult[]) => results.map((r) => r.code ?? r.outcome).sort();

  it('apply each opId once when both get it several times at once', async () => {
    const { id, devices } = await licenseWithDevices({ name: 'Same opIds' }, 8);
    const members = ['one', 'two', 'three'].map((n) => `${n}@codeglass.example`);
    const batch: Command[] = [
      ...devices.map((d) => commands.resetDevice(d.id)),
      ...members.map((email) => commands.assign(id, email, { initialPassword: generateInitialPassword() })),
    ];
    const send = (server: Server) =>
      api(server.url, managerOn.get(server)!, 'POST', '/sync', { clientId: 'twice', commands: batch });
    const answers = await Promise.all([a, b, a, b, a, b].map(send));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(200));
    // Every instance answers every resend with the one stored result.
    for (const answer of answers.slice(1)) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.results.every((r: SyncResult) => r.outcome === 'applied')).toBe(true);
    const logged = await a.db.kysely
      .selectFrom('audit_events')
      .select(['op_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where(
        'op_id',
        'in',
        batch.map((c) => c.opId),
      )
      .groupBy('op_id')
      .execute();
    expect(logged.map((row) => Number(row.n))).toEqual(batch.map(() => 1));
    expect((await counts(id)).counted).toEqual({ activeDevices: 0, seats: 4, deactivations: 8 });
  });

  it('never pass the deactivation limit together, and count each deactivation once', async () => {
    const { id, devices } = await licenseWithDevices({ name: 'Deactivation race', maxDeactivations: 5 }, 12);
    const results = await Promise.all(devices.map((d, i) => syncOn(either(i), commands.resetDevice(d.id))));
    expect(outcomes(results)).toEqual(
      [...Array(5).fill('applied'), ...Array(7).fill('deactivation_limit_reached')].sort(),
    );
    const after = await counts(id);
    expect(after.counted).toEqual({ activeDevices: 7, seats: 1, deactivations: 5 });
    expect(after.rows).toEqual({ activeDevices: 7, seats: 1, inactiveDevices: 5 });
  });

  it('never pass the deactivation limit with a license reset on one and device resets on the other', async () => {
    const { id, devices } = await licenseWithDevices({ name: 'Reset race', maxDeactivations: 4 }, 5);
    await Promise.all([
      syncOn(a, commands.resetLicense(id)),
      ...devices.map((d) => syncOn(b, commands.resetDevice(d.id))),
    ]);
    const after = await counts(id);
    // Whichever came first, the license reset (5 devices) cannot pass the limit of 4: the device
    // resets take 4 and the 5th device stays active.
    expect(after.counted).toEqual({ activeDevices: 1, seats: 1, deactivations: 4 });
    expect(after.rows).toEqual({ activeDevices: 1, seats: 1, inactiveDevices: 4 });
  });

  it('never give more seats than the license has, and create a raced new account once', async () => {
    const id = await demoCompanyLicense(a, { name: 'Seat race', quantity: 4 });
    const racers = Array.from({ length: 12 }, (_, n) =>
      commands.assign(id, `racer${n}@codeglass.example`, { initialPassword: generateInitialPassword() }),
    );
    const results = await Promise.all(racers.map((c, i) => syncOn(either(i), c)));
    // The manager holds one of the 4 seats.
    expect(outcomes(results)).toEqual(
      [...Array(3).fill('applied'), ...Array(9).fill('max_license_users_reached')].sort(),
    );
    expect((await counts(id)).rows.seats).toBe(4);
    expect((await counts(id)).counted.seats).toBe(4);

    // The same new email assigned to two licenses on both instances at once: one account, made once.
    const roomy = [
      await demoCompanyLicense(a, { name: 'Twin A', quantity: 10 }),
      await demoCompanyLicense(a, { name: 'Twin B', quantity: 10 }),
    ];
    const twins = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        syncOn(
          either(i),
          commands.assign(roomy[(i >> 1) % 2]!, 'twin@codeglass.example', { initialPassword: 'Twin-Kq7mZr2pXw9sTb' }),
        ),
      ),
    );
    expect(outcomes(twins)).toEqual([
      'already_done',
      'already_done',
      'already_done',
      'already_done',
      'applied',
      'applied',
    ]);
    expect(twins.filter((r) => r.result?.created)).toHaveLength(1);
    const accounts = await a.db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'twin@codeglass.example')
      .execute();
    expect(accounts).toHaveLength(1);
  });

  it('never activate more machines than the license allows, and one machine once', async () => {
    const id = await demoCompanyLicense(a, { name: 'Activation race', maxActivations: 4 });
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => activate(either(n), id, `HW-RACE-${n}`)));
    expect(answers.map((r) => r.body.code ?? r.status).sort()).toEqual(
      [...Array(4).fill(201), ...Array(8).fill('activation_limit_reached')].sort(),
    );
    const once = await demoCompanyLicense(a, { name: 'One machine' });
    const same = await Promise.all(Array.from({ length: 6 }, (_, n) => activate(either(n), once, 'HW-SAME')));
    expect(same.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect((await counts(id)).rows.activeDevices).toBe(4);
    expect((await counts(once)).counted.activeDevices).toBe(1);
    expect((await counts(once)).rows.activeDevices).toBe(1);
  });

  it('share one sign-in limit: failures on one count on the other', async () => {
    const signIn = (server: Server, password: string) =>
      fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ companyId: DEMO.companyId, email: DEMO.user.email, password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(either(i), `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // From that address even the right password waits now, on either instance.
    expect((await signIn(a, DEMO.user.password)).status).toBe(429);
    expect((await signIn(b, DEMO.user.password)).status).toBe(429);
  });

  it('have logged each applied opId once, across everything above', async () => {
    const twice = await sql<{
      op_id: string;
    }>`SELECT op_id FROM audit_events WHERE op_id IS NOT NULL GROUP BY op_id HAVING COUNT(*) > 1`.execute(a.db.kysely);
    expect(twice.rows).toEqual([]);
  });
});
