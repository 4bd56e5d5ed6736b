import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LicenseResponseSchema } from '@shared/schemas';
import { api } from '../support/portal-server';
import {
  asManager,
  commands,
  demoCompanyLicense,
  devicesOf,
  parsed,
  startTestServer,
  syncOne,
  type TestServer,
} from './fixtures';

let server: TestServer;
let manager: string;

beforeAll(async () => {
  server = await startTestServer();
  manager = await asManager(server.url);
});
afterAll(() => server.stop());

const license = async (id: string) =>
  parsed(LicenseResponseSchema, (await api(server.url, manager, 'GET', `/licenses/${id}`)).body).license;
const activate = (licenseId: string, n: number) =>
  api(server.url, manager, 'POST', '/activations', {
    licenseId,
    hardwareId: `HW-${n}`,
    hostname: `host-${n}`,
    os: 'Linux',
  });

describe('limits hold under concurrent requests', () => {
  it('50 parallel device resets against 3 deactivations left leave exactly 3 counted', async () => {
    const id = await demoCompanyLicense(server, { name: 'Reset race', maxDeactivations: 3 });
    for (let n = 0; n < 10; n++) expect((await activate(id, n)).status).toBe(201);
    const devices = await devicesOf(server.url, manager, id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => syncOne(server.url, manager, commands.resetDevice(devices[i % 10]!.id))),
    );
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(3);
    expect(results.filter((r) => r.outcome === 'rejected').every((r) => r.code === 'deactivation_limit_reached')).toBe(
      true,
    );
    expect(await license(id)).toMatchObject({ deactivationCount: 3, activations: { used: 7 } });
  });

  it('parallel activations never pass maxActivations', async () => {
    const id = await demoCompanyLicense(server, { name: 'Activation race', maxActivations: 3 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => activate(id, 100 + n)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'activation_limit_reached')).toBe(true);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(17);
    expect((await license(id)).activations).toEqual({ used: 3, max: 3 });
  });

  it('parallel assigns never pass the seats', async () => {
    const id = await demoCompanyLicense(server, { name: 'Seat race', quantity: 3 });
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, n) =>
        syncOne(
          server.url,
          manager,
          commands.assign(id, `racer${n}@codeglass.example`, { initialPassword: 'racer-pass-1' }),
        ),
      ),
    );
    // The manager holds one of the 3 seats.
    expect(results.filter((r) => r.outcome === 'applied')).toHaveLength(2);
    expect(results.filter((r) => r.outcome === 'rejected').every((r) => r.code === 'max_license_users_reached')).toBe(
      true,
    );
    expect((await license(id)).seats).toEqual({ used: 3, max: 3 });
  });

  it('the same opId sent in parallel is applied once', async () => {
    const id = await demoCompanyLicense(server, { name: 'Replay race', maxDeactivations: 10 });
    expect((await activate(id, 500)).status).toBe(201);
    const [target] = await devicesOf(server.url, manager, id);
    const command = commands.resetDevice(target!.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => syncOne(server.url, manager, command)));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]!.outcome).toBe('applied');
    expect((await license(id)).deactivationCount).toBe(1);
  });
});
