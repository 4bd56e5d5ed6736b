import { serverKey } from '../../server/services/server-key';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import { createSignInLimits } from '../../server/auth/rate-limit';
import { api } from '../support/portal-server';
import { asManager, DEMO, startTestServer } from './fixtures';

/**
 * Addresses are told apart through X-Forwarded-For, as behind a reverse proxy (TRUST_PROXY=1):
 * every request of a test comes from this machine.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>;

function signIn(server: Server, from: string, email: string, password: string) {
  return fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ companyId: DEMO.companyId, email, password }),
  });
}

const ATTACKER = '203.0.113.7';
const OFFICE = '198.51.100.2';

/** The 429 text must say the wait that Retry-After gives. */
async function expectRefusal(res: Response, attempts = 'sign-in attempts') {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('Retry-After'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(900);
  const minutes = Math.ceil(retryAfter / 60);
  expect(await res.json()).toEqual({
    code: 'rate_limited',
    message: `Too many ${attempts}: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
  });
}

describe('sign-in limits cannot lock out a user who has the right password', () => {
  it("refuses the guessing address, not the user's own: failures on an account from elsewhere never refuse the right password", async () => {
    // A short slowdown step keeps the test quick; the slowdown only delays, it never refuses.
    const server = await startTestServer({ trustProxy: 1, rateLimits: { slowStepMs: 1, slowMaxMs: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await signIn(server, ATTACKER, DEMO.manager.email, `guess-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      await expectRefusal(await signIn(server, ATTACKER, DEMO.manager.email, DEMO.manager.password));
      // A spread-out attack: five guesses each from many addresses puts the account past its slowdown threshold.
      for (let a = 1; a <= 4; a++)
        for (let i = 0; i < 5; i++) await signIn(server, `192.0.2.${a}`, DEMO.manager.email, `spread-${a}-${i}`);
      expect((await signIn(server, OFFICE, DEMO.manager.email, DEMO.manager.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('lets an office address that mistyped many unknown emails still sign in real accounts', async () => {
    const server = await startTestServer({ trustProxy: 1 });
    try {
      for (let i = 0; i < 40; i++)
        expect((await signIn(server, OFFICE, `nobody-${i}@codeglass.example`, 'whatever')).status).toBe(401);
      expect((await signIn(server, OFFICE, DEMO.user.email, DEMO.user.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('stops an address spraying guesses over many accounts, with a wait that the message and Retry-After agree on', async () => {
    const server = await startTestServer({ trustProxy: 1, rateLimits: { perAddress: 12 } });
    try {
      for (let i = 0; i < 12; i++) await signIn(server, ATTACKER, `user-${i}@codeglass.example`, 'Summer2026!');
      await expectRefusal(await signIn(server, ATTACKER, DEMO.user.email, 'Summer2026!'));
      expect((await signIn(server, OFFICE, DEMO.user.email, DEMO.user.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('forgives an address its own typos once it signs in right', async () => {
    const server = await startTestServer({ trustProxy: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) await signIn(server, OFFICE, DEMO.user.email, `typo-${i}`);
        expect((await signIn(server, OFFICE, DEMO.user.email, DEMO.user.password)).status).toBe(200);
      }
    } finally {
      await server.stop();
    }
  });
});

describe('guesses spread over many addresses', () => {
  it('stop at the account`s budget, while its owner still signs in from where they signed in before', async () => {
    const server = await startTestServer({
      trustProxy: 1,
      rateLimits: { slowStepMs: 1, slowMaxMs: 5, perAccount: 30 },
    });
    try {
      expect((await signIn(server, OFFICE, DEMO.manager.email, DEMO.manager.password)).status).toBe(200);
      // One guess from each of 40 addresses: no address reaches its own limit.
      const statuses: number[] = [];
      for (let a = 1; a <= 40; a++)
        statuses.push((await signIn(server, `192.0.2.${a}`, DEMO.manager.email, `g-${a}`)).status);
      expect(statuses).toEqual([...Array(30).fill(401), ...Array(10).fill(429)]);
      // Past the budget even the right password from a new address waits; from the owner's office it signs in.
      expect((await signIn(server, '192.0.2.200', DEMO.manager.email, DEMO.manager.password)).status).toBe(429);
      expect((await signIn(server, OFFICE, DEMO.manager.email, DEMO.manager.password)).status).toBe(200);
      // Another account is not touched.
      expect((await signIn(server, '192.0.2.201', DEMO.user.email, DEMO.user.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('count an IPv6 client by its /64: new addresses of one network are one address', async () => {
    const server = await startTestServer({ trustProxy: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 7; i++)
        statuses.push((await signIn(server, `2001:db8:1:2::${i.toString(16)}`, DEMO.manager.email, `g-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      // Another /64 is another address.
      expect((await signIn(server, '2001:db8:1:3::1', DEMO.manager.email, DEMO.manager.password)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});

describe('sign-in limits are kept in the database', () => {
  // Two instances on one PostgreSQL sharing the count: tests/reliability/two-instances.test.ts.
  it('so a restarted server still knows them', async () => {
    const server = await startTestServer({ trustProxy: 1 });
    try {
      for (let i = 0; i < 5; i++) await signIn(server, ATTACKER, DEMO.manager.email, `guess-${i}`);
      const restarted = createApp(
        {
          db: server.db,
          now: () => new Date(),
          limits: createSignInLimits(),
          publicUrl: server.publicUrl,
          serverKey: await serverKey(server.db),
          vendorKeys: [],
        },
        { trustProxy: 1 },
      );
      const rightPassword = await restarted.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ATTACKER },
        body: JSON.stringify({ companyId: DEMO.companyId, email: DEMO.manager.email, password: DEMO.manager.password }),
      });
      await expectRefusal(rightPassword);
    } finally {
      await server.stop();
    }
  });
});

describe('sign-in counters are kept until their window ends', () => {
  it('and deleted by the next sweep after it, with nobody signing in meanwhile; a known address is kept its 30 days', async () => {
    let now = Date.now();
    const server = await startTestServer({ trustProxy: 1, now: () => new Date(now), counterSweepEveryMs: 20 });
    const rows = () => server.db.kysely.selectFrom('sign_in_limits').select(['limit_key', 'window_ends_at']).execute();
    try {
      for (let i = 0; i < 3; i++) await signIn(server, ATTACKER, DEMO.manager.email, `guess-${i}`);
      expect((await signIn(server, OFFICE, DEMO.user.email, DEMO.user.password)).status).toBe(200);
      const counted = await rows();
      // The attacker's pair, address and account; the office's address and account; the office's known mark.
      expect(counted.length).toBeGreaterThanOrEqual(5);
      // Several sweeps later, inside the window, every counter is still there (and still counts).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await rows()).toEqual(counted);
      expect((await signIn(server, ATTACKER, DEMO.manager.email, 'guess-3')).status).toBe(401);
      expect((await signIn(server, ATTACKER, DEMO.manager.email, 'guess-4')).status).toBe(401);
      await expectRefusal(await signIn(server, ATTACKER, DEMO.manager.email, 'guess-5'));

      now += 15 * 60_000 + 1_000;
      await vi.waitFor(
        async () => {
          const left = await rows();
          expect(left.every((r) => Date.parse(r.window_ends_at) > now)).toBe(true);
          expect(left).toHaveLength(1); // the office's known mark, 30 days
        },
        { timeout: 10_000, interval: 20 },
      );
      now += 30 * 86_400_000;
      await vi.waitFor(async () => expect(await rows()).toEqual([]), { timeout: 10_000, interval: 20 });
    } finally {
      await server.stop();
    }
  });
});

describe('changing the password', () => {
  it('counts wrong current passwords per session: one session guessing does not block the user`s others', async () => {
    const server = await startTestServer();
    try {
      const guessing = await asManager(server.url);
      const own = await asManager(server.url);
      for (let i = 0; i < 6; i++)
        await api(server.url, guessing, 'POST', '/auth/password', {
          currentPassword: `guess-${i}`,
          newPassword: 'whatever-new-1',
        });
      const blocked = await api(server.url, guessing, 'POST', '/auth/password', {
        currentPassword: DEMO.manager.password,
        newPassword: 'whatever-new-1',
      });
      expect(blocked.status).toBe(429);
      const changed = await api(server.url, own, 'POST', '/auth/password', {
        currentPassword: DEMO.manager.password,
        newPassword: 'whatever-new-2',
      });
      expect(changed.status).toBe(204);
    } finally {
      await server.stop();
    }
  });

  it('limits guesses of the current password per session, keeps the session, and lets the right one in once the wait is over', async () => {
    let now = Date.now();
    const server = await startTestServer({ now: () => new Date(now) });
    try {
      const token = await asManager(server.url);
      const change = (currentPassword: string) =>
        api(server.url, token, 'POST', '/auth/password', { currentPassword, newPassword: 'a-brand-new-secret' });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await change(`guess-${i}`)).status);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
      const refused = await fetch(`${server.url}/api/v1/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ currentPassword: DEMO.manager.password, newPassword: 'a-brand-new-secret' }),
      });
      await expectRefusal(refused, 'wrong current passwords');
      // The session is still good.
      expect((await api(server.url, token, 'GET', '/me')).status).toBe(200);
      now += 15 * 60_000;
      expect((await change(DEMO.manager.password)).status).toBe(204);
    } finally {
      await server.stop();
    }
  });
});
