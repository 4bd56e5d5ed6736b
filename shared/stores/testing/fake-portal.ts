import { createApp } from 'vue';
import type { Device, License, User } from '../../schemas';
import { aDevice as baseDevice, aLicense as baseLicense, aUser } from '../../schemas/testing/entities';
import { freshDb, json } from '../../sync/testing/fixtures';
import { portalPlugin } from '../../composables/portal';
import { useSessionStore } from '../session';

/** Test-only: the stores on a fake-indexeddb database, against a scripted portal server. */

export const MANAGER: User = aUser({ name: 'Morgan' });

const AT = '2029-01-01T00:00:00.000Z';

/** The stores' tests' license: one subscription, one device activated, far from expiry. */
export const aLicense = (over: Partial<License> = {}): License =>
  baseLicense({
    name: 'CodeGlass',
    validUntil: '2099-01-01T00:00:00.000Z',
    quantity: 1,
    deactivationCount: 0,
    activations: { used: 1, max: 5 },
    seats: { used: 1, max: 3 },
    deactivations: { used: 0, max: 5 },
    createdAt: AT,
    ...over,
  });

/** The manager's own active laptop. */
export const aDevice = (over: Partial<Device> = {}): Device =>
  baseDevice({ userId: MANAGER.id, userEmail: MANAGER.email, firstActivatedAt: AT, lastCheckedAt: AT, ...over });

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
