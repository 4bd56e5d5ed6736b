import type { LicenseStatusView, StatusResponse, User } from '@shared/schemas';
import type { Session, StatusCache } from '../storage/schemas';

/** Small factories for extension tests: the demo license by default, overridable per test. */
export const NOW = new Date('2026-03-01T12:00:00.000Z');
export const PORTAL = 'http://portal.test:8787';
export const TOKEN = 'tok_secret_0123456789abcdefghij';

function user(over: Partial<User> = {}): User {
  return {
    id: 'u-dev',
    email: 'dev@codeglass.example',
    name: 'Dev Eloper',
    role: 'license_user',
    mustChangePassword: false,
    ...over,
  };
}

export function license(over: Partial<LicenseStatusView> = {}): LicenseStatusView {
  const id = over.id ?? 'lic-1';
  return {
    id,
    name: 'CodeGlass Offline Organization',
    status: 'active',
    validUntil: '2027-03-01T00:00:00.000Z',
    role: 'license_user',
    activations: { used: 3, max: 5 },
    seats: { used: 2, max: 3 },
    deactivations: { used: 2, max: 5 },
    links: {
      licenses: `${PORTAL}/licenses`,
      license: `${PORTAL}/licenses/${id}`,
      devices: `${PORTAL}/licenses/${id}/devices`,
      users: null,
    },
    ...over,
  };
}

export function statusResponse(
  licenses: LicenseStatusView[] = [license()],
  over: Partial<StatusResponse> = {},
): StatusResponse {
  return { user: user(), licenses, checkedAt: NOW.toISOString(), ...over };
}

export function session(over: Partial<Session> = {}): Session {
  return { token: TOKEN, user: user(), portalUrl: PORTAL, ...over };
}

export function cache(over: Partial<StatusCache> = {}): StatusCache {
  return {
    status: statusResponse(),
    checkedAt: NOW.toISOString(),
    attemptedAt: NOW.toISOString(),
    lastError: null,
    ...over,
  };
}

/** A fetch that answers every request with one JSON response, recording what was asked. */
export function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; headers: Headers }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({ url: request.url, headers: request.headers });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A fetch that cannot reach anything, like a browser that is offline. */
export const offlineFetch = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof globalThis.fetch;
