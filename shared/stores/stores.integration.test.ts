// @vitest-environment node
// Node's own fetch talks to the real portal server (a child process); Dexie runs on fake-indexeddb.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import {
  api as rawApi,
  apiLogin,
  runVendor,
  startPortalServer,
  type PortalServer,
} from '../../tests/support/portal-server';
import { english } from '../domain';
import { freshDb } from '../sync/testing/fixtures';
import { portalPlugin } from '../composables/portal';
import { useDevicesStore } from './devices';
import { useLicensesStore } from './licenses';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';
import { useUsersStore } from './users';
import type { PortalDb } from '../db';

const MANAGER = { companyId: 'CodeGlass', email: 'manager@codeglass.example', password: 'manager-demo' };
let server: PortalServer;
let online = true;
let gate: Promise<void> | null = null;

beforeAll(async () => {
  server = await startPortalServer();
}, 60_000);
afterAll(() => server?.stop());

function setup(db: PortalDb = freshDb()) {
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (gate) await gate;
    if (!online) throw new TypeError('fetch failed');
    return globalThis.fetch(input, init);
  };
  createApp({}).use(portalPlugin({ baseURL: server.url, fetch, db }));
  return {
    db,
    session: useSessionStore(),
    licenses: useLicensesStore(),
    devices: useDevicesStore(),
    users: useUsersStore(),
    outbox: useOutboxStore(),
  };
}

beforeEach(() => {
  online = true;
  gate = null;
  vi.unstubAllGlobals();
});

describe('stores against the real portal server', { timeout: 30_000 }, () => {
  it('signs in, asks the browser to persist storage, and loads the licenses', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } });
    const s = setup();
    expect(await s.session.signIn(MANAGER)).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    expect(s.session).toMatchObject({ signedIn: true, isManager: true, companyId: 'CodeGlass' });
    await s.licenses.load();
    expect(s.licenses.status).toBe('idle');
    expect(s.licenses.licenses.map((l) => l.name)).toEqual(['CodeGlass Offline Organization']);
    expect(s.licenses.fetchedAt).not.toBeNull();
  });

  it('renders from the cache first, then refreshes; offline keeps the cache and says offline', async () => {
    const first = setup();
    await first.session.signIn(MANAGER);
    await first.licenses.load();
    const s = setup(first.db); // the app opened again on the same database
    await s.session.restore();
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const loading = s.licenses.load();
    await vi.waitFor(() => expect(s.licenses.status).toBe('loading'));
    expect(s.licenses.licenses).toHaveLength(1); // shown before the server answered
    release();
    await loading;
    expect(s.licenses.status).toBe('idle');
    online = false;
    await s.licenses.load();
    expect(s.licenses.status).toBe('offline');
    expect(s.licenses.licenses).toHaveLength(1);
  });

  it('queues two commands offline with their effects shown, syncs them once, and a replay changes nothing', async () => {
    const s = setup();
    await s.session.signIn(MANAGER);
    await s.licenses.load();
    const license = s.licenses.licenses[0]!;
    await Promise.all([s.devices.load(license.id), s.users.load(license.id)]);
    const device = s.devices.devicesFor(license.id).find((d) => d.active && d.hostname === 'dev-desktop')!;
    online = false;

    const reset = await s.devices.resetDevice(device.id);
    // Unassigning a user who is only a queued assign withdraws that assign.
    expect((await s.users.assign({ licenseId: license.id, email: 'typo@codeglass.example' })).ok).toBe(true);
    const typo = s.users.usersFor(license.id).find((u) => u.email === 'typo@codeglass.example')!;
    expect(await s.users.unassign(license.id, typo.id)).toMatchObject({ ok: true });
    expect(s.users.usersFor(license.id).map((u) => u.email)).not.toContain('typo@codeglass.example');
    const assign = await s.users.assign({
      licenseId: license.id,
      email: 'new.hire@codeglass.example',
      firstName: 'New',
      lastName: 'Hire',
    });
    expect(reset.ok && assign.ok).toBe(true);
    if (!assign.ok) return;
    expect(assign.initialPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(s.devices.devicesFor(license.id).find((d) => d.id === device.id)?.active).toBe(false);
    expect(s.users.usersFor(license.id).map((u) => u.email)).toContain('new.hire@codeglass.example');
    expect(s.licenses.byId(license.id)).toMatchObject({
      deactivationCount: license.deactivationCount + 1,
      seats: { used: license.seats.used + 1 },
    });
    expect(s.outbox.pendingCount).toBe(2);
    expect(s.outbox.pendingFor(license.id).map((c) => c.state)).toEqual(['queued', 'queued']);
    expect(s.outbox.commands[1]?.initialPassword).toBe(assign.initialPassword);

    online = true;
    await s.outbox.syncNow();
    expect(s.outbox.commands.map((c) => c.state)).toEqual(['applied', 'applied']);
    expect(s.outbox.pendingCount).toBe(0);
    const token = await apiLogin(server.url, MANAGER.email, MANAGER.password);
    const after = await rawApi(server.url, token, 'GET', `/licenses/${license.id}`);
    expect(after.body.license.deactivationCount).toBe(license.deactivationCount + 1);
    const devices = await rawApi(server.url, token, 'GET', `/licenses/${license.id}/devices`);
    expect(devices.body.devices.find((d: { id: string }) => d.id === device.id).active).toBe(false);
    // The new user signs in with the password the manager saw offline.
    await expect(apiLogin(server.url, 'new.hire@codeglass.example', assign.initialPassword!)).resolves.toBeTruthy();
    // The pulled cache now shows the server's state; nothing is applied twice on top of it.
    expect(s.licenses.byId(license.id)?.deactivationCount).toBe(license.deactivationCount + 1);

    const rows = await s.db.outbox.orderBy('seq').toArray();
    const replay = await rawApi(server.url, token, 'POST', '/sync', {
      clientId: rows[0]!.clientId,
      commands: rows.map(({ opId, seq, kind, payload, basis }) => ({ opId, seq, kind, payload, basis })),
    });
    expect(replay.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied']);
    const again = await rawApi(server.url, token, 'GET', `/licenses/${license.id}`);
    expect(again.body.license).toMatchObject({
      deactivationCount: license.deactivationCount + 1,
      seats: { used: license.seats.used + 1 },
    });
  });

  it('previews a reset with the messages module texts before queueing, and refuses at the limit', async () => {
    const s = setup();
    await s.session.signIn(MANAGER);
    await s.licenses.load();
    const license = s.licenses.licenses[0]!;
    await runVendor(server.databasePath, [
      'license',
      'change',
      '--license',
      license.id,
      '--max-deactivations',
      String(license.deactivationCount + 1),
    ]);
    await s.licenses.load();
    await Promise.all([s.devices.load(license.id), s.users.load(license.id)]);
    const [first, second] = s.devices.devicesFor(license.id).filter((d) => d.active);
    expect(s.devices.previewReset(first!.id).messages.map(english)).toEqual([
      'This uses your last deactivation: after it, only we can reset your limit.',
    ]);
    expect((await s.devices.resetDevice(first!.id)).ok).toBe(true);
    const refused = s.devices.previewReset(second!.id);
    expect(refused.decision).toEqual({ ok: false, code: 'deactivation_limit_reached' });
    expect(english(refused.messages[0]!)).toMatch(
      /^You reached the limit on the amount of time you can deactivate a device/,
    );
    expect(await s.devices.resetDevice(second!.id)).toMatchObject({ ok: false, code: 'deactivation_limit_reached' });
    expect(english((await s.users.previewAssign(license.id, 'someone.else@codeglass.example')).messages[0]!)).toMatch(
      /^Max license users number reached/,
    );
  });

  it('keeps commands after a 401, asks to sign in, and sends them once signed in again', async () => {
    const s = setup();
    await s.session.signIn(MANAGER);
    await s.licenses.load();
    const license = s.licenses.licenses[0]!;
    await s.users.load(license.id);
    const hire = s.users.usersFor(license.id).find((u) => u.email === 'new.hire@codeglass.example')!;
    await rawApi(server.url, s.session.token, 'POST', '/auth/logout'); // the session ends server-side
    expect((await s.users.unassign(license.id, hire.id)).ok).toBe(true);
    await s.outbox.syncNow();
    expect(s.outbox.commands.map((c) => c.state)).toEqual(['blocked_auth']);
    await vi.waitFor(() => expect(s.session.needsSignIn).toBe(true));
    expect(await s.session.signIn(MANAGER)).toBe(true);
    await vi.waitFor(async () => {
      await s.outbox.reload();
      expect(s.outbox.commands.map((c) => c.state)).toEqual(['applied']);
    });
    expect(s.users.usersFor(license.id).map((u) => u.email)).not.toContain('new.hire@codeglass.example');
  });
});
