import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LicenseResponseSchema } from '@shared/schemas';
import { api, apiLogin, runVendor, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, DEMO, demoLicense, devicesOf, parsed, syncOne } from './fixtures';

// The real thing: the server and the vendor CLI as separate processes on one SQLite file.
// Each CLI run starts a fresh Node + tsx process (seconds on a busy machine): generous timeouts.
vi.setConfig({ testTimeout: 120_000 });
let server: PortalServer;

beforeAll(async () => {
  server = await startPortalServer();
});
afterAll(() => server.stop());

describe('vendor CLI', () => {
  it('lifting a deactivation limit makes the next reset succeed', async () => {
    const manager = await apiLogin(server.url, DEMO.manager.email, DEMO.manager.password);
    const licenseId = (await demoLicense(server.url, manager)).id;
    const changed = await runVendor(server.databasePath, [
      'license',
      'change',
      '--license',
      licenseId,
      '--max-deactivations',
      '2',
    ]);
    expect(changed).toMatchObject({ id: licenseId, maxDeactivations: 2, deactivationCount: 2 });
    const laptop = (await devicesOf(server.url, manager, licenseId)).find((d) => d.hostname === 'dev-laptop')!;
    expect(await syncOne(server.url, manager, commands.resetDevice(laptop.id))).toMatchObject({
      outcome: 'rejected',
      code: 'deactivation_limit_reached',
    });

    const lifted = await runVendor(server.databasePath, ['license', 'lift-deactivation-limit', '--license', licenseId]);
    expect(lifted).toMatchObject({ id: licenseId, deactivationCount: 0 });
    expect(await syncOne(server.url, manager, commands.resetDevice(laptop.id))).toMatchObject({
      outcome: 'applied',
      result: { deactivationCount: 1 },
    });

    const { events } = await runVendor(server.databasePath, ['audit', '--license', licenseId, '--limit', '5']);
    expect(events.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'device.reset',
      'license.lift_deactivation_limit',
      'license.change',
    ]);
    expect(events[1]).toMatchObject({ actor: 'vendor', company: 'CodeGlass' });
  });

  it('creates a company and a license whose new manager signs in with the printed password', async () => {
    const company = await runVendor(server.databasePath, [
      'company',
      'create',
      '--company-id',
      'Acme',
      '--name',
      'Acme Corp',
    ]);
    expect(company).toMatchObject({ companyId: 'Acme', name: 'Acme Corp' });
    const created = await runVendor(server.databasePath, [
      'license',
      'create',
      '--company',
      'Acme',
      '--kind',
      'experimental',
      '--type',
      'time_limited',
      '--quantity',
      '2',
      '--max-activations',
      'unlimited',
      '--max-deactivations',
      '4',
      '--valid-until',
      '2030-01-01',
      '--manager',
      'owner@acme.example',
    ]);
    expect(created.license).toMatchObject({
      subscriptionKind: 'experimental',
      maxLicenseUsers: 6,
      maxActivations: null,
      validUntil: '2030-01-01T00:00:00.000Z',
    });
    expect(created.manager.password).toEqual(expect.any(String));

    const token = await apiLogin(server.url, 'owner@acme.example', created.manager.password, 'acme');
    // A vendor-made account starts with a password only the vendor saw: it must be changed first.
    expect((await api(server.url, token, 'GET', '/licenses')).body.code).toBe('password_change_required');
    expect(
      (
        await api(server.url, token, 'POST', '/auth/password', {
          currentPassword: created.manager.password,
          newPassword: 'acme-owner-pass',
        })
      ).status,
    ).toBe(204);
    const { license } = parsed(
      LicenseResponseSchema,
      (await api(server.url, token, 'GET', `/licenses/${created.license.id}`)).body,
    );
    expect(license).toMatchObject({ role: 'license_manager', seats: { used: 1, max: 6 } });

    const { licenses } = await runVendor(server.databasePath, ['license', 'list', '--company', 'Acme']);
    expect(licenses.map((l: { id: string }) => l.id)).toEqual([created.license.id]);
  });

  it('makes a user manager and creates users', async () => {
    const user = await runVendor(server.databasePath, [
      'user',
      'create',
      '--company',
      'Acme',
      '--email',
      'second@acme.example',
      '--password',
      'second-pass',
    ]);
    expect(user).toMatchObject({ email: 'second@acme.example', company: 'Acme' });
    const { licenses } = await runVendor(server.databasePath, ['license', 'list', '--company', 'Acme']);
    const made = await runVendor(server.databasePath, [
      'user',
      'make-manager',
      '--license',
      licenses[0].id,
      '--email',
      'second@acme.example',
    ]);
    expect(made).toMatchObject({ email: 'second@acme.example' });
    const seats = async () => {
      const token = await apiLogin(server.url, 'second@acme.example', 'second-pass', 'Acme');
      return parsed(LicenseResponseSchema, (await api(server.url, token, 'GET', `/licenses/${licenses[0].id}`)).body)
        .license.seats;
    };
    expect(await seats()).toEqual({ used: 2, max: 6 });

    // A new manager takes a seat only while one is free: the vendor CLI never passes the seat limit.
    await runVendor(server.databasePath, ['license', 'change', '--license', licenses[0].id, '--quantity', '0']);
    await runVendor(server.databasePath, [
      'user',
      'create',
      '--company',
      'Acme',
      '--email',
      'third@acme.example',
      '--password',
      'third-pass',
    ]);
    await runVendor(server.databasePath, [
      'user',
      'make-manager',
      '--license',
      licenses[0].id,
      '--email',
      'third@acme.example',
    ]);
    expect(await seats()).toEqual({ used: 2, max: 0 });
    await runVendor(server.databasePath, ['license', 'change', '--license', licenses[0].id, '--quantity', '2']);
  });

  it('prints the demo sign-ins only where the demo company exists', async () => {
    expect(server.output()).toContain('Demo sign-in: Company ID CodeGlass');
    const other = await startPortalServer({ seed: false });
    try {
      expect(other.output()).toContain('listening on');
      expect(other.output()).not.toContain('Demo sign-in');
    } finally {
      await other.stop();
    }
  });

  it('seeds a scale license whose manager sees every device and user', async () => {
    const seeded = await runVendor(server.databasePath, ['demo', 'scale', '--devices', '120', '--users', '7']);
    expect(seeded).toMatchObject({ companyId: 'ScaleCo', devices: 120, users: 7 });
    const manager = await apiLogin(server.url, seeded.manager.email, seeded.manager.password, 'ScaleCo');
    const devices = await api(server.url, manager, 'GET', `/licenses/${seeded.license.id}/devices`);
    expect(devices.body.devices).toHaveLength(120);
    const license = LicenseResponseSchema.parse(
      (await api(server.url, manager, 'GET', `/licenses/${seeded.license.id}`)).body,
    ).license;
    expect(license.activations.used).toBe(120);
    expect(license.seats.used).toBe(8); // the seven users and the manager
  });

  it('exits 2 naming the option on bad arguments, 1 on an unknown license', async () => {
    await expect(
      runVendor(server.databasePath, ['license', 'create', '--company', 'Acme', '--kind', 'huge']),
    ).rejects.toThrow(/exited 2.*--kind must be one of/s);
    await expect(
      runVendor(server.databasePath, ['license', 'change', '--license', 'x', '--quantity', 'many']),
    ).rejects.toThrow(/exited 2.*--quantity/s);
    await expect(runVendor(server.databasePath, ['company', 'create', '--colour', 'red'])).rejects.toThrow(
      /exited 2.*--colour/s,
    );
    await expect(
      runVendor(server.databasePath, ['user', 'create', '--company', 'Acme', '--email', 'not-an-email']),
    ).rejects.toThrow(/exited 2.*--email must be an email/s);
    await expect(
      runVendor(server.databasePath, ['license', 'lift-deactivation-limit', '--license', 'nope']),
    ).rejects.toThrow(/exited 1.*no license/s);
  });

  it('restarts on the same database without seeding it again', async () => {
    await server.stop();
    server = await startPortalServer({ databasePath: server.databasePath });
    const { licenses } = await runVendor(server.databasePath, ['license', 'list']);
    expect(licenses.filter((l: { company: string }) => l.company === 'CodeGlass')).toHaveLength(1);
    expect(await apiLogin(server.url, 'owner@acme.example', 'acme-owner-pass', 'Acme')).toBeTruthy();
  });
});
