import { createApp } from 'vue';
import type { Device, License, User } from '../../schemas';
import { freshDb, json } from '../../sync/testing/fixtures';
import { portalPlugin } from '../portal';
import { useSessionStore } from '../session';

/** Test-only: the stores on a fake-indexeddb database, against a scripted portal server. */

export const MANAGER: User = {
  id: 'u-manager',
  email: 'manager@codeglass.example',
  name: 'Morgan',
  role: 'license_manager',
  mustChangePassword: false,
};

export function aLicense(over: Partial<License> = {}): License {
  return {
    id: 'lic-1',
    name: 'CodeGlass',
    subscriptionKind: 'offline_organization',
    licenseType: 'subscription',
    status: 'active',
    validUntil: '2099-01-01T00:00:00.000Z',
    quantity: 1,
    maxActivations: 5,
    maxDeactivations: 5,
    deactivationCount: 0,
    maxLicenseUsers: 3,
    activations: { used: 1, max: 5 },
    seats: { used: 1, max: 3 },
    deactivations: { used: 0, max: 5 },
    role: 'license_manager',
    createdAt: '2029-01-01T00:00:00.000Z',
    ...over,
  };
}

export function aDevice(over: Partial<Device> = {}): Device {
  return {
    id: 'd-1',
    licenseId: 'lic-1',
    userId: 'u-manager',
    userEmail: 'manager@codeglass.example',
    hardwareId: 'HW-1',
    hostname: 'dev-laptop',
    os: 'Windows 11',
    active: true,
    firstActivatedAt: '2029-01-01T00:00:00.000Z',
    lastCheckedAt: '2029-01-01T00:00:00.000Z',
    deactivatedAt: null,
    ...over,
  };
}

/**
 * A portal whose server answers from `server` (`online = false`: unreachable). Returns the portal,
 * the server to change between calls, and a sign-in as the manager.
 */
export function fakePortal() {
  const server = { online: true, licenses: [aLicense()], devices: [aDevice()] };
  const fetch = (async (input: RequestInfo | URL) => {
    if (!server.online) throw new TypeError('Failed to fetch');
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname.replace('/api/v1', '');
    if (path === '/auth/login') return json({ token: 'token-'.padEnd(32, 'x'), user: MANAGER });
    if (path === '/me')
      return json({ user: MANAGER, company: { id: 'c-1', companyId: 'CodeGlass', name: 'CodeGlass' } });
    if (path === '/licenses') return json({ licenses: server.licenses });
    const devices = /^\/licenses\/([^/]+)\/devices$/.exec(path);
    if (devices) return json({ devices: server.devices.filter((d) => d.licenseId === devices[1]) });
    return json({ code: 'not_found', message: 'no' }, 404);
  }) as typeof globalThis.fetch;
  const wiring = portalPlugin({
    baseURL: 'http://portal.test',
    fetch,
    db: freshDb(),
    sync: { intervalMs: 3_600_000, compactDelayMs: 3_600_000, pull: false },
  });
  const app = createApp({}).use(wiring);
  const signIn = () =>
    useSessionStore().signIn({ companyId: 'CodeGlass', email: MANAGER.email, password: 'secret-pass' });
  return { server, app, pinia: wiring.pinia, portal: wiring.portal, signIn };
}
