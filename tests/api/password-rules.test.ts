import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin } from '../support/portal-server';
import { asDev, DEMO, startTestServer } from './fixtures';

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
