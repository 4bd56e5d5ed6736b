import { afterAll, describe, expect, it, vi } from 'vitest';
import { DevicesResponseSchema, EventsResponseSchema, UsersResponseSchema } from '@shared/schemas';
import {
  api,
  apiLogin,
  freshPostgresDatabase,
  runAdmin,
  startPortalServer,
  type PortalServer,
} from '../support/portal-server';
import { commands, DEMO, demoLicense, parsed, sync } from './fixtures';

// `npm run admin -- migrate --to postgres://...`: the demo's SQLite file moved into PostgreSQL,
// with a client that keeps its session and its list cursors across the move.
const POSTGRES = process.env.TEST_POSTGRES_URL;
if (!POSTGRES) console.log('migrate-postgres: skipped, set TEST_POSTGRES_URL to move a database into PostgreSQL');
vi.setConfig({ testTimeout: 240_000 });
const servers: PortalServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

describe.runIf(POSTGRES)('moving from SQLite to PostgreSQL', () => {
  it('copies everything; the client stays signed in and its cursors continue', async () => {
    const before = await startPortalServer();
    servers.push(before);
    const token = await apiLogin(before.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(before.url, token)).id;
    const get = (server: PortalServer, path: string) => api(server.url, token, 'GET', `/licenses/${licenseId}${path}`);
    // History to carry over: an unassign (a tombstone), a reset, their stored answers and events.
    const seat = parsed(UsersResponseSchema, (await get(before, '/users')).body).users.find(
      (u) => u.email === DEMO.user.email,
    )!;
    const laptop = parsed(DevicesResponseSchema, (await get(before, '/devices')).body).devices.find(
      (d) => d.hostname === 'dev-laptop',
    )!;
    const sent = [commands.unassign(licenseId, seat.id), commands.resetDevice(laptop.id)];
    const answers = await sync(before.url, token, sent);
    expect(answers.map((a) => a.outcome)).toEqual(['applied', 'applied']);
    // What the client holds: its lists and their cursors, the activity.
    const devices = parsed(DevicesResponseSchema, (await get(before, '/devices')).body);
    const users = parsed(UsersResponseSchema, (await get(before, '/users')).body);
    const events = parsed(EventsResponseSchema, (await get(before, '/events')).body);
    await before.stop();

    const target = await freshPostgresDatabase(POSTGRES!);
    const moved = await runAdmin(`sqlite:${before.databasePath}`, ['migrate', '--to', target]);
    expect(moved.code, JSON.stringify(moved.output)).toBe(0);
    const tables = Object.fromEntries(
      (moved.output.tables as Array<{ table: string; rows: number; sha256: string }>).map((t) => [t.table, t]),
    );
    for (const table of [
      'companies',
      'users',
      'licenses',
      'devices',
      'assignments',
      'assignment_tombstones',
      'sessions',
      'applied_ops',
      'audit_events',
    ])
      expect(tables[table]?.sha256, table).toMatch(/^[0-9a-f]{64}$/);
    expect(tables.assignment_tombstones!.rows).toBeGreaterThanOrEqual(1);
    expect(tables.sessions!.rows).toBeGreaterThanOrEqual(1);

    const after = await startPortalServer({ seed: false, env: { DATABASE_URL: target } });
    servers.push(after);
    // Same session: no new sign-in.
    expect((await api(after.url, token, 'GET', '/me')).status).toBe(200);
    // The cursors continue: nothing changed since, so empty deltas and the same cursors.
    expect(
      parsed(DevicesResponseSchema, (await get(after, `/devices?since=${encodeURIComponent(devices.cursor!)}`)).body),
    ).toEqual({
      devices: [],
      removed: [],
      cursor: devices.cursor,
      full: false,
    });
    expect(
      parsed(UsersResponseSchema, (await get(after, `/users?since=${encodeURIComponent(users.cursor!)}`)).body),
    ).toMatchObject({
      full: false,
      cursor: users.cursor,
    });
    expect(parsed(EventsResponseSchema, (await get(after, '/events')).body)).toEqual(events);
    // The outbox's resend is answered from the stored answers; a new change arrives as a delta.
    expect(await sync(after.url, token, sent)).toEqual(answers);
    const [assigned] = await sync(after.url, token, [commands.assign(licenseId, DEMO.user.email)]);
    expect(assigned!.outcome).toBe('applied');
    const delta = parsed(
      UsersResponseSchema,
      (await get(after, `/users?since=${encodeURIComponent(users.cursor!)}`)).body,
    );
    expect(delta).toMatchObject({ full: false });
    expect(delta.users.map((u) => u.email)).toEqual([DEMO.user.email]);
    // New events continue the activity's ids.
    const newest = parsed(EventsResponseSchema, (await get(after, '/events')).body).events[0]!;
    expect(newest.id).toBeGreaterThan(events.events[0]!.id);

    // A second move into the same database is refused: it is not empty any more.
    const again = await runAdmin(`sqlite:${before.databasePath}`, ['migrate', '--to', target]);
    expect(again).toMatchObject({ code: 1, output: { error: expect.stringContaining('is not empty') } });
  });

  it('refuses while a server has the SQLite file open', async () => {
    const running = await startPortalServer();
    servers.push(running);
    const refused = await runAdmin(`sqlite:${running.databasePath}`, [
      'migrate',
      '--to',
      await freshPostgresDatabase(POSTGRES!),
    ]);
    expect(refused).toMatchObject({ code: 1, output: { error: expect.stringContaining('is in use') } });
  });
});
