import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin } from '../support/portal-server';
import { generateInitialPassword } from '@shared/commands';
import { asDev, asManager, commands, DEMO, demoLicense, startTestServer, syncOne } from './fixtures';

/**
 * The rules of a password a user chooses (README.md: the API and the security model): at least 8
 * characters, and not the current one. A refused change changes nothing: the old password still
 * signs in and the session stays.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const change = (token: string, currentPassword: string, newPassword: string) =>
  api(server.url, token, 'POST', '/auth/password', { currentPassword, newPassword });

describe('a new password', () => {
  it('needs at least 8 characters: 7 are refused naming newPassword, 8 are taken', async () => {
    const token = await asDev(server.url);
    const seven = await change(token, DEMO.user.password, 'abcdefg');
    expect(seven.status).toBe(400);
    expect(seven.body).toMatchObject({ code: 'invalid_request', field: 'newPassword' });
    expect(seven.body.message).toContain('8 characters');
    expect((await api(server.url, token, 'GET', '/me')).status).toBe(200);
    expect(await apiLogin(server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();

    expect((await change(token, DEMO.user.password, 'abcdefgh')).status).toBe(204);
    expect(await apiLogin(server.url, DEMO.user.email, 'abcdefgh')).toBeTruthy();
    // Back to the demo's, for the next test.
    expect((await change(token, 'abcdefgh', DEMO.user.password)).status).toBe(204);
  });

  it('may not be the current one: 400 same_password, and nothing changes', async () => {
    const token = await asDev(server.url);
    const other = await asDev(server.url);
    const same = await change(token, DEMO.user.password, DEMO.user.password);
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({ code: 'same_password', field: 'newPassword' });
    // A change would have ended the other session; a refused one does not.
    expect((await api(server.url, other, 'GET', '/me')).status).toBe(200);
    expect(await apiLogin(server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();
  });
});

describe('an account with an initial password', () => {
  it('may read /me, end its other sessions, change the password and sign out; anything else is 403 password_change_required', async () => {
    const manager = await asManager(server.url);
    const license = await demoLicense(server.url, manager);
    const initial = generateInitialPassword();
    const assigned = await syncOne(
      server.url,
      manager,
      commands.assign(license.id, 'initial@codeglass.example', { initialPassword: initial }),
    );
    expect(assigned).toMatchObject({ outcome: 'applied' });
    const token = await apiLogin(server.url, 'initial@codeglass.example', initial);
    const elsewhere = await apiLogin(server.url, 'initial@codeglass.example', initial);

    expect((await api(server.url, token, 'GET', '/me')).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '/licenses', undefined],
      ['GET', `/licenses/${license.id}/devices`, undefined],
      ['GET', '/status', undefined],
      ['POST', '/sync', { clientId: 'c1', commands: [] }],
    ] as const) {
      const answer = await api(server.url, token, method, path, body);
      expect(answer.body, `${method} ${path}`).toMatchObject({ code: 'password_change_required' });
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    expect((await api(server.url, token, 'POST', '/auth/sessions/end-others')).status).toBe(204);
    expect((await api(server.url, elsewhere, 'GET', '/me')).status).toBe(401);
    expect((await api(server.url, token, 'POST', '/auth/logout')).status).toBe(204);
    expect((await api(server.url, token, 'GET', '/me')).status).toBe(401);
  });
});
