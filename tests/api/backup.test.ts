import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Command } from '@shared/schemas';
import { api, apiLogin, runAdmin, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, DEMO, demoLicense, sync } from './fixtures';

// `npm run admin -- backup / restore` on the SQLite file of a real server process.
vi.setConfig({ testTimeout: 240_000 });
const servers: PortalServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

/** 1,000 commands that each apply: a user's seat taken back and given again. */
function seatFlips(licenseId: string, userId: string, email: string): Command[] {
  return Array.from({ length: 1000 }, (_, i) =>
    i % 2 === 0 ? commands.unassign(licenseId, userId) : commands.assign(licenseId, email),
  );
}

describe('backup', () => {
  it('taken during a 1,000-command sync passes integrity_check and holds every command answered before it began', async () => {
    const server = await startPortalServer();
    servers.push(server);
    const manager = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(server.url, manager)).id;
    const users = (await api(server.url, manager, 'GET', `/licenses/${licenseId}/users`)).body.users as Array<{
      id: string;
      email: string;
    }>;
    const dev = users.find((u) => u.email === DEMO.user.email)!;
    // Answered before the backup: 1,000 commands.
    const answered = seatFlips(licenseId, dev.id, DEMO.user.email);
    expect((await sync(server.url, manager, answered)).every((r) => r.outcome === 'applied')).toBe(true);

    // In flight while the backup runs: another 1,000.
    const during = seatFlips(licenseId, dev.id, DEMO.user.email);
    const inFlight = sync(server.url, manager, during);
    const file = join(dirname(server.databasePath), 'during-sync.db');
    const backup = await runAdmin(`sqlite:${server.databasePath}`, ['backup', '--to', file]);
    expect(backup).toMatchObject({ code: 0, output: { file, integrity: 'ok', bytes: expect.any(Number) } });
    expect((await inFlight).every((r) => r.outcome === 'applied')).toBe(true);

    const copy = new SQLite(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set(
        (copy.prepare('select op_id from applied_ops').all() as Array<{ op_id: string }>).map((r) => r.op_id),
      );
      expect(answered.filter((c) => !stored.has(c.opId))).toEqual([]);
      // The sync in flight is in it whole or not at all (one transaction).
      expect([0, 1000]).toContain(during.filter((c) => stored.has(c.opId)).length);
    } finally {
      copy.close();
    }
  });

  it('refuses to overwrite a file', async () => {
    const server = await startPortalServer();
    servers.push(server);
    const file = join(dirname(server.databasePath), 'once.db');
    expect((await runAdmin(`sqlite:${server.databasePath}`, ['backup', '--to', file])).code).toBe(0);
    const again = await runAdmin(`sqlite:${server.databasePath}`, ['backup', '--to', file]);
    expect(again).toMatchObject({ code: 1, output: { error: expect.stringContaining('never overwrites') } });
  });
});

describe('restore', () => {
  it('refuses while a server uses the database, and brings the backup back once it is stopped', async () => {
    const server = await startPortalServer();
    servers.push(server);
    const manager = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(server.url, manager)).id;
    const seatHolders = async (url: string, token: string) =>
      (await api(url, token, 'GET', `/licenses/${licenseId}/users`)).body.users as Array<{ id: string; email: string }>;
    const dev = (await seatHolders(server.url, manager)).find((u) => u.email === DEMO.user.email)!;
    const file = join(dirname(server.databasePath), 'before-change.db');
    expect((await runAdmin(`sqlite:${server.databasePath}`, ['backup', '--to', file])).code).toBe(0);
    // A change after the backup, which the restore takes back.
    expect((await sync(server.url, manager, [commands.unassign(licenseId, dev.id)]))[0]!.outcome).toBe('applied');
    expect((await seatHolders(server.url, manager)).map((u) => u.email)).not.toContain(DEMO.user.email);

    const refused = await runAdmin(`sqlite:${server.databasePath}`, ['restore', '--from', file]);
    expect(refused).toMatchObject({ code: 1, output: { error: expect.stringContaining('is in use') } });

    await server.stop();
    const restored = await runAdmin(`sqlite:${server.databasePath}`, ['restore', '--from', file]);
    expect(restored).toMatchObject({ code: 0, output: { file: server.databasePath } });
    expect(existsSync(restored.output.previous)).toBe(true);

    const again = await startPortalServer({ databasePath: server.databasePath });
    servers.push(again);
    // Sessions are data too: the manager's from before the backup works again.
    expect((await seatHolders(again.url, manager)).map((u) => u.email)).toContain(DEMO.user.email);
  });

  it('refuses a file that is not a sound SQLite database', async () => {
    const server = await startPortalServer();
    servers.push(server);
    await server.stop();
    const bogus = join(dirname(server.databasePath), 'not-a-backup.db');
    writeFileSync(bogus, 'this is not a database'.repeat(100));
    const refused = await runAdmin(`sqlite:${server.databasePath}`, ['restore', '--from', bogus]);
    expect(refused).toMatchObject({
      code: 1,
      output: { error: expect.stringContaining('is not a Seat Portal database') },
    });
  });
});
