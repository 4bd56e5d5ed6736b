import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, LoginResponseSchema, MeResponseSchema } from '@shared/schemas';
import { api, apiLogin } from '../support/portal-server';
import {
  asDev,
  asManager,
  commands,
  DEMO,
  demoLicense,
  parsed,
  startTestServer,
  syncOne,
  type TestServer,
} from './fixtures';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const login = (body: unknown) => api(server.url, null, 'POST', '/auth/login', body);

describe('sign-in', () => {
  it('signs in the demo manager with the Company ID in any case and says who they are', async () => {
    const res = await login({
      companyId: 'codeglass',
      email: 'Manager@CodeGlass.example',
      password: DEMO.manager.password,
    });
    expect(res.status).toBe(200);
    const body = parsed(LoginResponseSchema, res.body);
    expect(body.user).toMatchObject({
      email: DEMO.manager.email,
      name: 'Morgan Manager',
      role: 'license_manager',
      mustChangePassword: false,
    });
    const dev = parsed(
      LoginResponseSchema,
      (await login({ companyId: 'CodeGlass', email: DEMO.user.email, password: DEMO.user.password })).body,
    );
    expect(dev.user).toMatchObject({ name: 'Dana Developer', role: 'license_user' });
  });

  it('refuses a wrong password, an unknown email and an unknown company alike with 401 invalid_credentials', async () => {
    for (const body of [
      { companyId: 'CodeGlass', email: DEMO.user.email, password: 'wrong-password' },
      { companyId: 'CodeGlass', email: 'nobody@codeglass.example', password: 'dev-demo' },
      { companyId: 'Nope', email: DEMO.user.email, password: DEMO.user.password },
    ]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(parsed(ApiErrorSchema, res.body).code).toBe('invalid_credentials');
    }
  });

  it('names the field when the sign-in form is incomplete', async () => {
    const res = await login({ companyId: 'CodeGlass', email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', field: 'email' });
    expect(res.body.message).toMatch(/^email: /);
  });

  it('rate-limits repeated failures on one account from one address with 429 and Retry-After, even with the right password', async () => {
    const own = await startTestServer();
    try {
      const login_ = (email: string, password: string) =>
        api(own.url, null, 'POST', '/auth/login', { companyId: 'CodeGlass', email, password });
      for (let i = 0; i < 5; i++) expect((await login_(DEMO.manager.email, `guess-${i}`)).status).toBe(401);
      const res = await login_(DEMO.manager.email, DEMO.manager.password);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
      // Other accounts are not locked out by it.
      expect((await login_(DEMO.user.email, DEMO.user.password)).status).toBe(200);
    } finally {
      await own.stop();
    }
  });

  it('lets no more than the limit of parallel guesses through to the password check', async () => {
    const own = await startTestServer({ rateLimits: { perAccountAndAddress: 5, perAddress: 1000 } });
    try {
      const guesses = Array.from({ length: 40 }, (_, i) =>
        api(own.url, null, 'POST', '/auth/login', {
          companyId: 'CodeGlass',
          email: DEMO.manager.email,
          password: `parallel-${i}`,
        }),
      );
      const statuses = (await Promise.all(guesses)).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    } finally {
      await own.stop();
    }
  });

  it('rate-limits one address guessing across many emails', async () => {
    const own = await startTestServer({ rateLimits: { perAccountAndAddress: 5, perAddress: 3 } });
    try {
      const try_ = (i: number) =>
        api(own.url, null, 'POST', '/auth/login', {
          companyId: 'CodeGlass',
          email: `u${i}@codeglass.example`,
          password: 'wrong-one',
        });
      for (let i = 0; i < 3; i++) expect((await try_(i)).status).toBe(401);
      const res = await try_(99);
      expect(res.status).toBe(429);
      expect(res.headers.get('Retry-After')).toBeTruthy();
    } finally {
      await own.stop();
    }
  });
});

describe('sessions', () => {
  it('ends the session at logout: the token no longer works', async () => {
    const token = await asManager(server.url);
    expect((await api(server.url, token, 'GET', '/me')).status).toBe(200);
    expect((await api(server.url, token, 'POST', '/auth/logout')).status).toBe(204);
    const after = await api(server.url, token, 'GET', '/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthorized');
  });

  it('answers 401 unauthorized without a token or with a made-up one', async () => {
    expect((await api(server.url, null, 'GET', '/licenses')).body.code).toBe('unauthorized');
    expect((await api(server.url, 'x'.repeat(43), 'GET', '/licenses')).status).toBe(401);
  });

  it('tells the signed-in user their company', async () => {
    const token = await asManager(server.url);
    const me = parsed(MeResponseSchema, (await api(server.url, token, 'GET', '/me')).body);
    expect(me.company).toMatchObject({ companyId: 'CodeGlass' });
    expect(me.user.role).toBe('license_manager');
    // No CONTACT_URL / UPGRADE_URL and none of the company's own: the apps show their texts without links.
    expect(me.company).toMatchObject({ contactUrl: null, upgradeUrl: null });
  });
});

describe('sign out on other devices', () => {
  it("ends every other session of the caller and keeps the one that asked, and nobody else's", async () => {
    const [here, laptop, phone] = [
      await asManager(server.url),
      await asManager(server.url),
      await asManager(server.url),
    ];
    const someoneElse = await apiLogin(server.url, DEMO.user.email, DEMO.user.password);
    expect((await api(server.url, here, 'POST', '/auth/sessions/end-others')).status).toBe(204);
    expect((await api(server.url, here, 'GET', '/me')).status).toBe(200);
    for (const ended of [laptop, phone]) {
      const res = await api(server.url, ended, 'GET', '/licenses');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    }
    expect((await api(server.url, someoneElse, 'GET', '/licenses')).status).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await api(server.url, null, 'POST', '/auth/sessions/end-others');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });

  it('a password change does the same: this session stays, the others end', async () => {
    const own = await startTestServer();
    try {
      const [here, elsewhere] = [await asDev(own.url), await asDev(own.url)];
      const change = { currentPassword: DEMO.user.password, newPassword: 'dana-new-secret' };
      expect((await api(own.url, here, 'POST', '/auth/password', change)).status).toBe(204);
      expect((await api(own.url, here, 'GET', '/licenses')).status).toBe(200);
      expect((await api(own.url, elsewhere, 'GET', '/licenses')).status).toBe(401);
      expect(await apiLogin(own.url, DEMO.user.email, 'dana-new-secret')).toBeTruthy();
    } finally {
      await own.stop();
    }
  });
});

describe('a new account must change its initial password', () => {
  it('blocks everything but /auth and /me until the password is changed, then works with the new one', async () => {
    const manager = await asManager(server.url);
    const license = await demoLicense(server.url, manager);
    const assigned = await syncOne(
      server.url,
      manager,
      commands.assign(license.id, 'newbie@codeglass.example', { firstName: 'Nia', initialPassword: 'first-pass-123' }),
    );
    expect(assigned).toMatchObject({ outcome: 'applied', result: { created: true } });

    const token = await apiLogin(server.url, 'newbie@codeglass.example', 'first-pass-123');
    const me = await api(server.url, token, 'GET', '/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    for (const path of ['/licenses', `/licenses/${license.id}`, '/status']) {
      const res = await api(server.url, token, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('password_change_required');
    }
    const wrong = await api(server.url, token, 'POST', '/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: 'my-own-secret',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'wrong_current_password', field: 'currentPassword' });
    const same = await api(server.url, token, 'POST', '/auth/password', {
      currentPassword: 'first-pass-123',
      newPassword: 'first-pass-123',
    });
    expect(same.body).toMatchObject({ code: 'same_password', field: 'newPassword' });
    const short = await api(server.url, token, 'POST', '/auth/password', {
      currentPassword: 'first-pass-123',
      newPassword: 'short',
    });
    expect(short.body).toMatchObject({ code: 'invalid_request', field: 'newPassword' });

    expect(
      (
        await api(server.url, token, 'POST', '/auth/password', {
          currentPassword: 'first-pass-123',
          newPassword: 'my-own-secret',
        })
      ).status,
    ).toBe(204);
    expect((await api(server.url, token, 'GET', '/licenses')).status).toBe(200);
    await expect(apiLogin(server.url, 'newbie@codeglass.example', 'first-pass-123')).rejects.toThrow(/401/);
    expect(await apiLogin(server.url, 'newbie@codeglass.example', 'my-own-secret')).toBeTruthy();
  });
});

describe('session expiry', () => {
  it('moves the stored expiry at most once a minute, so polling does not write on every request', async () => {
    let now = Date.now();
    const own = await startTestServer({ now: () => new Date(now) });
    try {
      const token = await asManager(own.url);
      const lastUsed = async () =>
        (await own.db.kysely.selectFrom('sessions').select('last_used_at').executeTakeFirstOrThrow()).last_used_at;
      const signedInAt = await lastUsed();
      now += 30_000;
      for (let i = 0; i < 5; i++) expect((await api(own.url, token, 'GET', '/status')).status).toBe(200);
      expect(await lastUsed()).toBe(signedInAt);
      now += 31_000;
      expect((await api(own.url, token, 'GET', '/status')).status).toBe(200);
      expect(await lastUsed()).toBe(new Date(now).toISOString());
    } finally {
      await own.stop();
    }
  });

  it('keeps a session alive while it is used (sliding 30 days) and ends it after 30 idle days', async () => {
    let now = Date.now();
    const own = await startTestServer({ now: () => new Date(now) });
    try {
      const token = await asManager(own.url);
      now += 20 * 86_400_000;
      expect((await api(own.url, token, 'GET', '/me')).status).toBe(200);
      now += 20 * 86_400_000; // 40 days after sign-in, 20 after last use
      expect((await api(own.url, token, 'GET', '/me')).status).toBe(200);
      now += 31 * 86_400_000;
      expect((await api(own.url, token, 'GET', '/me')).status).toBe(401);
    } finally {
      await own.stop();
    }
  });
});
