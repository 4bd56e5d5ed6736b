import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, apiLogin } from '../support/portal-server';
import { DEMO, startTestServer, type TestServer } from './fixtures';

let server: TestServer;
beforeEach(async () => {
  // Many wrong (old) passwords on purpose: limits high enough not to refuse the next round.
  server = await startTestServer({
    rateLimits: { perAccountAndAddress: 10_000, perAccount: 10_000, slowAfter: 10_000 },
  });
});
afterEach(() => server.stop());

const signIn = (password: string) =>
  api(server.url, null, 'POST', '/auth/login', { companyId: DEMO.companyId, email: DEMO.user.email, password });

describe('a password change ends every session of the old password', () => {
  it('including sessions whose sign-in was checking the old password while the change went through', async () => {
    let password: string = DEMO.user.password;
    for (let round = 0; round < 3; round++) {
      const changer = await apiLogin(server.url, DEMO.user.email, password);
      const newPassword = `changed-in-round-${round}`;
      // Sign-ins with the old password keep starting, every few milliseconds, all through the change;
      // a few at a time (each waits for its password hash), so a slow machine does not pile them up.
      const signIns: Array<ReturnType<typeof signIn>> = [];
      let inFlight = 0;
      let changing = true;
      const starting = (async () => {
        while (changing) {
          if (inFlight < 6) {
            inFlight += 1;
            signIns.push(signIn(password).finally(() => (inFlight -= 1)));
          }
          await new Promise((resolve) => setTimeout(resolve, 4));
        }
      })();
      const change = await api(server.url, changer, 'POST', '/auth/password', {
        currentPassword: password,
        newPassword,
      });
      changing = false;
      await starting;
      expect(change.status).toBe(204);
      const tokens = (await Promise.all(signIns)).flatMap((r) => (r.status === 200 ? [r.body.token as string] : []));
      const alive = [];
      for (const token of tokens) if ((await api(server.url, token, 'GET', '/me')).status === 200) alive.push(token);
      expect(alive, `round ${round}: ${tokens.length} sign-ins with the old password succeeded`).toEqual([]);
      expect((await api(server.url, changer, 'GET', '/me')).status).toBe(200);
      password = newPassword;
    }
  });
});
