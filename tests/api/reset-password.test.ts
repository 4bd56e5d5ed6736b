import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsersResponseSchema } from '@shared/schemas';
import { listAudit } from '../../server/db/audit';
import { api, apiLogin } from '../support/portal-server';
import {
  asDev,
  asManager,
  commands,
  DEMO,
  demoLicense,
  otherCompany,
  parsed,
  startTestServer,
  syncOne,
} from './fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let manager: string;
let licenseId: string;

beforeEach(async () => {
  server = await startTestServer();
  manager = await asManager(server.url);
  licenseId = (await demoLicense(server.url, manager)).id;
});
afterEach(() => server.stop());

const seatOf = async (email: string) =>
  parsed(UsersResponseSchema, (await api(server.url, manager, 'GET', `/licenses/${licenseId}/users`)).body).users.find(
    (u) => u.email === email,
  )!;

describe('user.reset_password', () => {
  it('gives a seat holder a new initial password, ends their sessions and makes them change it', async () => {
    const devToken = await asDev(server.url);
    const dev = await seatOf(DEMO.user.email);
    const result = await syncOne(server.url, manager, commands.resetPassword(licenseId, dev.id));
    expect(result).toMatchObject({ outcome: 'applied', result: { userId: dev.id } });
    const initial = result.result!.initialPassword!;
    expect(initial).toMatch(/^[A-Za-z0-9]{14}$/);
    // Their open session ended; the old password no longer works; the new one must be changed first.
    expect((await api(server.url, devToken, 'GET', '/me')).status).toBe(401);
    await expect(apiLogin(server.url, DEMO.user.email, DEMO.user.password)).rejects.toThrow(/401/);
    const fresh = await apiLogin(server.url, DEMO.user.email, initial);
    expect((await api(server.url, fresh, 'GET', '/me')).body.user.mustChangePassword).toBe(true);
    expect((await api(server.url, fresh, 'GET', '/licenses')).body.code).toBe('password_change_required');
    const events = await listAudit(server.db.kysely, { licenseId, limit: 1 });
    expect(events[0]).toMatchObject({ action: 'user.reset_password', actor: DEMO.manager.email });
  });

  it('uses the initial password queued with the command and does not send it back', async () => {
    const dev = await seatOf(DEMO.user.email);
    const queued = 'Kq7mZr2pXw9sTb';
    const result = await syncOne(server.url, manager, commands.resetPassword(licenseId, dev.id, queued));
    expect(result.outcome).toBe('applied');
    expect(result.result?.initialPassword).toBeUndefined();
    expect(await apiLogin(server.url, DEMO.user.email, queued)).toBeTruthy();
  });

  it('refuses a license user, another manager, someone without a seat and another company', async () => {
    const dev = await seatOf(DEMO.user.email);
    const me = await seatOf(DEMO.manager.email);
    const devToken = await asDev(server.url);
    expect(await syncOne(server.url, devToken, commands.resetPassword(licenseId, dev.id))).toMatchObject({
      outcome: 'rejected',
      code: 'not_license_manager',
    });
    expect(await syncOne(server.url, manager, commands.resetPassword(licenseId, me.id))).toMatchObject({
      outcome: 'rejected',
      code: 'cannot_reset_manager_password',
    });
    expect(await syncOne(server.url, manager, commands.resetPassword(licenseId, 'no-such-user'))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    const rival = await otherCompany(server);
    expect(await syncOne(server.url, rival.token, commands.resetPassword(licenseId, dev.id))).toMatchObject({
      outcome: 'rejected',
      code: 'not_found',
    });
    // Nothing changed: the user still signs in with their own password.
    expect(await apiLogin(server.url, DEMO.user.email, DEMO.user.password)).toBeTruthy();
  });
});
