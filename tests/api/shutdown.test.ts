import { request } from 'node:http';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SyncResponseSchema, UsersResponseSchema, type Command } from '@shared/schemas';
import { api, apiLogin, logEntries, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, DEMO, demoLicense, parsed, sync } from './fixtures';

// SIGTERM to the real server process while it serves a 1,000-command /sync.
vi.setConfig({ testTimeout: 180_000 });
const servers: PortalServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

/**
 * POST /sync with the body sent in two parts: the server has the request (and logs it) before it
 * has its whole body, so a signal sent between the parts is sure to find it in flight.
 */
function syncInTwoParts(url: string, token: string, cmds: Command[], between: () => Promise<void>) {
  const body = Buffer.from(JSON.stringify({ clientId: 'shutdown-test', commands: cmds }));
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(
      `${url}/api/v1/sync`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          'X-Request-Id': 'the-big-sync',
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.write(body.subarray(0, 1000));
    between().then(() => req.end(body.subarray(1000)), reject);
  });
}

describe('a stop (SIGTERM) during a 1,000-command sync', () => {
  it('lets the sync finish and answer, then stops; a resend after the restart changes nothing', async () => {
    const first = await startPortalServer({ env: { LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT: '60' } });
    servers.push(first);
    const manager = await apiLogin(first.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(first.url, manager)).id;
    const users = parsed(
      UsersResponseSchema,
      (await api(first.url, manager, 'GET', `/licenses/${licenseId}/users`)).body,
    );
    const dev = users.users.find((u) => u.email === DEMO.user.email)!;
    // Each command changes something: the license user's seat taken back and given again, 500 times.
    const cmds = Array.from({ length: 1000 }, (_, i) =>
      i % 2 === 0 ? commands.unassign(licenseId, dev.id) : commands.assign(licenseId, DEMO.user.email),
    );

    const answer = await syncInTwoParts(first.url, manager, cmds, async () => {
      await expect
        .poll(() => logEntries(first.rawOutput()).some((l) => l.reqId === 'the-big-sync'), { timeout: 30_000 })
        .toBe(true);
      process.kill(first.pid, 'SIGTERM');
      await expect.poll(() => first.output(), { timeout: 30_000 }).toContain('Seat Portal stopping (SIGTERM)');
    });

    // The client got its whole answer: every command applied.
    expect(answer.status).toBe(200);
    const results = parsed(SyncResponseSchema, answer.body).results;
    expect(results.map((r) => r.opId)).toEqual(cmds.map((c) => c.opId));
    expect(results.every((r) => r.outcome === 'applied')).toBe(true);
    // The server stopped by itself, cleanly, after answering the one request it had in flight.
    expect(await first.exited()).toBe(0);
    const stopping = logEntries(first.rawOutput()).find((l) => l.msg === 'Seat Portal stopping (SIGTERM)');
    expect(stopping).toMatchObject({ inFlight: 1 });
    expect(logEntries(first.rawOutput()).find((l) => l.msg === 'Seat Portal stopped')).toMatchObject({ cutOff: 0 });

    // Restarted on the same database: the resend is answered from the stored results, applies nothing again.
    const second = await startPortalServer({ databasePath: first.databasePath });
    servers.push(second);
    const token = await apiLogin(second.url, DEMO.manager.email, DEMO.manager.password);
    const before = (await api(second.url, token, 'GET', `/licenses/${licenseId}`)).body;
    expect(await sync(second.url, token, cmds)).toEqual(results);
    expect((await api(second.url, token, 'GET', `/licenses/${licenseId}`)).body).toEqual(before);
    // The same changes under new opIds are already done: the seat is the user's again.
    expect((await sync(second.url, token, [commands.assign(licenseId, DEMO.user.email)]))[0]).toMatchObject({
      outcome: 'already_done',
    });
  });

  it('cuts off a request that outlasts SHUTDOWN_TIMEOUT, and still exits', async () => {
    const server = await startPortalServer({ env: { LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT: '0.5' } });
    servers.push(server);
    const manager = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(server.url, manager)).id;
    // A body that never ends: the request stays in flight until the timeout cuts it off.
    const req = request(`${server.url}/api/v1/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${manager}`, 'Content-Type': 'application/json', 'Content-Length': 100_000 },
    });
    const cut = new Promise<void>((resolve) => req.on('error', () => resolve()).on('close', () => resolve()));
    req.write(`{"clientId":"x","commands":[${JSON.stringify(commands.resetLicense(licenseId))}`);
    await expect
      .poll(() => logEntries(server.rawOutput()).some((l) => l.path === '/api/v1/sync'), { timeout: 30_000 })
      .toBe(true);
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited()).toBe(0);
    await cut;
    expect(logEntries(server.rawOutput()).find((l) => l.msg === 'Seat Portal stopped')).toMatchObject({
      inFlight: 1,
      cutOff: 1,
    });
  });
});
