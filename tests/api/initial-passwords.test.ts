import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, apiLogin } from '../support/portal-server';
import { asManager, commands, DEMO, demoCompanyLicense, startTestServer, syncOne, type TestServer } from './fixtures';

/** An account a manager creates gets an initial password: strong, stored with scrypt, valid 7 days. */
const DAY = 86_400_000;
let clock: Date;
let server: TestServer;
let manager: string;
let licenseId: string;

beforeEach(async () => {
  clock = new Date('2026-03-01T09:00:00.000Z');
  server = await startTestServer({ now: () => clock });
  manager = await asManager(server.url);
  licenseId = await demoCompanyLicense(server, { name: 'New hires' });
});
afterEach(() => server.stop());

const hashOf = async (email: string) =>
  (await server.db.kysely.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirst())
    ?.password_hash;

const signIn = (email: string, password: string) =>
  api(server.url, null, 'POST', '/auth/login', { companyId: DEMO.companyId, email, password });

describe('initial passwords of new accounts', () => {
  it('stores every one with scrypt: one the client generated, one the server made and one typed', async () => {
    const cases = [
      ['generated@codeglass.example', 'Xk7pQ2mRt9vHw3'],
      ['made@codeglass.example', undefined],
      ['typed@codeglass.example', 'a long phrase nobody guesses 42'],
    ] as const;
    for (const [email, initialPassword] of cases) {
      const extra = initialPassword ? { initialPassword } : {};
      expect((await syncOne(server.url, manager, commands.assign(licenseId, email, extra))).outcome).toBe('applied');
      expect(await hashOf(email)).toMatch(/^scrypt\$16384\$8\$1\$/);
    }
  });

  it('refuses one that is easy to guess (a pattern of the generator`s own letters too), naming the field; no account is made', async () => {
    for (const [n, weak] of ['abcdefghjkmnpq', 'Summer2345abcd', 'Password123456'].entries()) {
      const email = `weak-${n}@codeglass.example`;
      const result = await syncOne(server.url, manager, commands.assign(licenseId, email, { initialPassword: weak }));
      expect(result).toMatchObject({ outcome: 'rejected', code: 'weak_password' });
      expect(result.message).toMatch(/^initialPassword: .*too easy to guess/);
      expect(await hashOf(email)).toBeUndefined();
    }
  });

  it('works for the first sign-in for 7 days, then says to ask the manager for a new one; a reset gives 7 days again', async () => {
    const password = 'Xk7pQ2mRt9vHw3';
    const created = await syncOne(
      server.url,
      manager,
      commands.assign(licenseId, 'late@codeglass.example', { initialPassword: password }),
    );
    expect(created.result?.passwordExpiresAt).toBe('2026-03-08T09:00:00.000Z');
    clock = new Date(clock.getTime() + 6 * DAY);
    expect((await signIn('late@codeglass.example', password)).status).toBe(200);
    clock = new Date(clock.getTime() + 2 * DAY);
    const expired = await signIn('late@codeglass.example', password);
    expect(expired.status).toBe(403);
    expect(expired.body).toEqual({
      code: 'initial_password_expired',
      message: 'This initial password has expired: ask your license manager for a new one.',
    });
    // A wrong password still says only that it is wrong: the expiry is told to whoever knows the password.
    expect((await signIn('late@codeglass.example', 'Xk7pQ2mRt9vHw4')).body.code).toBe('invalid_credentials');
    const reset = await syncOne(server.url, manager, commands.resetPassword(licenseId, created.result!.userId!));
    expect(reset.result?.passwordExpiresAt).toBe(new Date(clock.getTime() + 7 * DAY).toISOString());
    const fresh = await apiLogin(server.url, 'late@codeglass.example', reset.result!.initialPassword!);
    // Chosen at the first sign-in, the user's own password never expires.
    const changed = await api(server.url, fresh, 'POST', '/auth/password', {
      currentPassword: reset.result!.initialPassword,
      newPassword: 'my own password now',
    });
    expect(changed.status).toBe(204);
    clock = new Date(clock.getTime() + 30 * DAY);
    expect((await signIn('late@codeglass.example', 'my own password now')).status).toBe(200);
  });
});
