import { afterAll, describe, expect, it, vi } from 'vitest';
import { api, apiLogin, logEntries, runVendor, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, sync } from './fixtures';

// The log of a whole API scenario, at its most talkative level, holds none of the secrets used in it.
vi.setConfig({ testTimeout: 180_000 });
let server: PortalServer | undefined;
afterAll(() => server?.stop());

describe('the server log', () => {
  it('never holds a password, an initial password or a token, whatever the scenario did', async () => {
    server = await startPortalServer({ seed: false, env: { LOG_LEVEL: 'trace', METRICS_PORT: '0' } });
    const secrets: Record<string, string> = {};
    await runVendor(server.databasePath, ['company', 'create', '--company-id', 'Quiet', '--name', 'Quiet Ltd']);
    const created = await runVendor(server.databasePath, [
      'license',
      'create',
      '--company',
      'Quiet',
      '--kind',
      'offline_organization',
      '--type',
      'subscription',
      '--quantity',
      '5',
      '--max-activations',
      '5',
      '--max-deactivations',
      '5',
      '--valid-until',
      '2030-01-01',
      '--manager',
      'owner@quiet.example',
    ]);
    const licenseId: string = created.license.id;
    const vendorPassword: string = created.manager.password;
    secrets.vendorPassword = vendorPassword;

    // The manager: first sign-in with the vendor's password, a wrong password, the change.
    const first = await apiLogin(server.url, 'owner@quiet.example', vendorPassword, 'Quiet');
    secrets.firstToken = first;
    secrets.wrongPassword = 'Wrong-Guess-Zebra-4417';
    await api(server.url, null, 'POST', '/auth/login', {
      companyId: 'Quiet',
      email: 'owner@quiet.example',
      password: secrets.wrongPassword,
    });
    secrets.newPassword = 'Owner-Chosen-Walrus-9082';
    const changed = await api(server.url, first, 'POST', '/auth/password', {
      currentPassword: vendorPassword,
      newPassword: secrets.newPassword,
    });
    expect(changed.status).toBe(204);
    const manager = await apiLogin(server.url, 'owner@quiet.example', secrets.newPassword, 'Quiet');
    secrets.managerToken = manager;

    // Users with a typed and a generated initial password, one of them reset; an activation; a sign-out.
    secrets.typedInitial = 'Typed-Initial-Heron-3356';
    const results = await sync(server.url, manager, [
      commands.assign(licenseId, 'typed@quiet.example', { initialPassword: secrets.typedInitial }),
      commands.assign(licenseId, 'generated@quiet.example'),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    secrets.generatedInitial = results[1]!.result!.initialPassword!;
    const [reset] = await sync(server.url, manager, [commands.resetPassword(licenseId, results[1]!.result!.userId!)]);
    secrets.resetInitial = reset!.result!.initialPassword!;
    const user = await apiLogin(server.url, 'typed@quiet.example', secrets.typedInitial, 'Quiet');
    secrets.userToken = user;
    await api(server.url, manager, 'POST', '/activations', {
      licenseId,
      hardwareId: 'HW-QUIET',
      hostname: 'quiet-box',
      os: 'Linux',
    });
    // A bad request whose body holds a password: its error is logged, never its body.
    await api(server.url, manager, 'POST', '/auth/password', { currentPassword: secrets.newPassword });
    expect((await api(server.url, manager, 'POST', '/auth/logout')).status).toBe(204);

    await server.stop();
    const log = server.rawOutput();
    const lines = logEntries(log);
    // The scenario was logged (one line per request, with ids), and none of its secrets was.
    expect(lines.filter((l) => l.msg === 'request').length).toBe(10);
    expect(Object.values(secrets).every((s) => typeof s === 'string' && s.length >= 8)).toBe(true);
    for (const [name, secret] of Object.entries(secrets))
      expect(log.includes(secret), `${name} is in the log`).toBe(false);
  });
});
