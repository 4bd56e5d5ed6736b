import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DevicesResponseSchema,
  LicenseResponseSchema,
  LicensesResponseSchema,
  StatusResponseSchema,
  UsersResponseSchema,
} from '@shared/schemas';
import { api } from '../support/portal-server';
import { asDev, useDemoWorld, otherCompany, parsed, startTestServer } from './fixtures';

const world = useDemoWorld('file', { publicUrl: 'https://portal.codeglass.example' });
let rival: { licenseId: string; token: string };
beforeAll(async () => {
  rival = await otherCompany(world.server);
});

const get = (token: string, path: string) => api(world.server.url, token, 'GET', path);

describe('the demo license', () => {
  it('shows the seeded counters: 3 of 5 activations, 2 of 3 seats, 2 of 5 deactivations, valid for a year', async () => {
    const { license } = parsed(LicenseResponseSchema, (await get(world.manager, `/licenses/${world.licenseId}`)).body);
    expect(license).toMatchObject({
      subscriptionKind: 'offline_organization',
      licenseType: 'subscription',
      status: 'active',
      quantity: 3,
      maxLicenseUsers: 3,
      activations: { used: 3, max: 5 },
      seats: { used: 2, max: 3 },
      deactivations: { used: 2, max: 5 },
      role: 'license_manager',
    });
    const days = (Date.parse(license.validUntil!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(360);
    expect(days).toBeLessThan(367);
  });
});

describe('GET /licenses', () => {
  it('lists the license for both demo users, with each one role', async () => {
    const mine = parsed(LicensesResponseSchema, (await get(world.manager, '/licenses')).body).licenses;
    const devs = parsed(LicensesResponseSchema, (await get(world.dev, '/licenses')).body).licenses;
    expect(mine.map((l) => [l.id, l.role])).toEqual([[world.licenseId, 'license_manager']]);
    expect(devs.map((l) => [l.id, l.role])).toEqual([[world.licenseId, 'license_user']]);
  });

  it('never lists another company licenses', async () => {
    const rivals = parsed(LicensesResponseSchema, (await get(rival.token, '/licenses')).body).licenses;
    expect(rivals.map((l) => l.id)).toEqual([rival.licenseId]);
  });

  it('lets a manager find the licenses a user holds by email', async () => {
    const found = parsed(
      LicensesResponseSchema,
      (await get(world.manager, '/licenses?email=DEV@codeglass.example')).body,
    ).licenses;
    expect(found.map((l) => l.id)).toEqual([world.licenseId]);
    const none = parsed(
      LicensesResponseSchema,
      (await get(world.manager, '/licenses?email=boss@rival.example')).body,
    ).licenses;
    expect(none).toEqual([]);
    // A license user cannot look up someone else.
    expect(
      parsed(LicensesResponseSchema, (await get(world.dev, '/licenses?email=manager@codeglass.example')).body).licenses,
    ).toEqual([]);
  });
});

describe('GET /licenses/:id and its tabs', () => {
  it('answers 404 for another company license and does not say whether it exists', async () => {
    for (const path of [
      `/licenses/${rival.licenseId}`,
      `/licenses/${rival.licenseId}/devices`,
      `/licenses/${rival.licenseId}/users`,
    ]) {
      const res = await get(world.manager, path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await get(rival.token, `/licenses/${world.licenseId}`)).status).toBe(404);
    expect((await get(world.manager, '/licenses/does-not-exist')).body).toEqual(
      (await get(world.manager, `/licenses/${rival.licenseId}`)).body,
    );
  });

  it('shows a manager every device and a license user only their own', async () => {
    const all = parsed(
      DevicesResponseSchema,
      (await get(world.manager, `/licenses/${world.licenseId}/devices`)).body,
    ).devices;
    expect(all).toHaveLength(5);
    expect(all.filter((d) => d.active)).toHaveLength(3);
    expect(new Set(all.map((d) => d.userEmail))).toEqual(
      new Set(['dev@codeglass.example', 'manager@codeglass.example']),
    );
    const own = parsed(
      DevicesResponseSchema,
      (await get(world.dev, `/licenses/${world.licenseId}/devices`)).body,
    ).devices;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.userEmail === 'dev@codeglass.example')).toBe(true);
    expect(
      own
        .filter((d) => d.active)
        .map((d) => d.hostname)
        .sort(),
    ).toEqual(['dev-desktop', 'dev-laptop']);
  });

  it('shows the Users tab to the manager only', async () => {
    const { users } = parsed(
      UsersResponseSchema,
      (await get(world.manager, `/licenses/${world.licenseId}/users`)).body,
    );
    expect(users.map((u) => [u.email, u.isManager]).sort()).toEqual([
      ['dev@codeglass.example', false],
      ['manager@codeglass.example', true],
    ]);
    const res = await get(world.dev, `/licenses/${world.licenseId}/users`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('not_license_manager');
  });
});

describe('GET /status', () => {
  it('gives the extension counters and absolute portal links; Users only for managers', async () => {
    const m = parsed(StatusResponseSchema, (await get(world.manager, '/status')).body);
    expect(m.licenses[0]).toMatchObject({
      id: world.licenseId,
      activations: { used: 3, max: 5 },
      links: {
        licenses: 'https://portal.codeglass.example/licenses',
        license: `https://portal.codeglass.example/licenses/${world.licenseId}`,
        devices: `https://portal.codeglass.example/licenses/${world.licenseId}/devices`,
        users: `https://portal.codeglass.example/licenses/${world.licenseId}/users`,
      },
    });
    const d = parsed(StatusResponseSchema, (await get(world.dev, '/status')).body);
    expect(d.user.role).toBe('license_user');
    expect(d.licenses[0]!.links.users).toBeNull();
  });

  it("links to the server's own origin when no PUBLIC_URL is set, never to the request's Host", async () => {
    const own = await startTestServer();
    try {
      const token = await asDev(own.url);
      const body = parsed(StatusResponseSchema, (await api(own.url, token, 'GET', '/status')).body);
      expect(body.licenses[0]!.links.licenses).toBe(`http://localhost:${own.port}/licenses`);
      const forged = await new Promise<string>((resolve, reject) => {
        const req = http.get(
          {
            port: own.port,
            path: '/api/v1/status',
            headers: { host: 'evil.example', authorization: `Bearer ${token}` },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
      });
      const links = parsed(StatusResponseSchema, JSON.parse(forged)).licenses[0]!.links;
      expect(links.license).toBe(`http://localhost:${own.port}/licenses/${body.licenses[0]!.id}`);
      expect(forged).not.toContain('evil.example');
    } finally {
      await own.stop();
    }
  });
});
