import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncResponseSchema, UsersResponseSchema } from '@shared/schemas';
import { api, apiLogin, freshPostgresDatabase, startPortalServer, type PortalServer } from '../support/portal-server';
import { commands, DEMO, demoLicense, parsed } from './fixtures';

/**
 * Two real server processes on one database (a SQLite file; a PostgreSQL database with
 * TEST_POSTGRES_URL): while one applies a sync that sets 150 typed initial passwords, the
 * other keeps answering sign-ins, each of which writes its counters. The new passwords are hashed
 * before the write transaction, so it holds the database's write lock for milliseconds, and a
 * writer that does meet it waits (busy timeout) instead of failing.
 */
let first: PortalServer;
let second: PortalServer;

beforeAll(async () => {
  const postgres = process.env.TEST_POSTGRES_URL;
  const env = postgres ? { DATABASE_URL: await freshPostgresDatabase(postgres) } : undefined;
  first = await startPortalServer(env ? { env } : {});
  second = await startPortalServer({ databasePath: first.databasePath, seed: false, ...(env ? { env } : {}) });
}, 60_000);
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

describe('a second server process on the same database', () => {
  it('keeps answering sign-ins while the first applies 150 password resets with typed passwords', async () => {
    const manager = await apiLogin(first.url, DEMO.manager.email, DEMO.manager.password);
    const license = await demoLicense(first.url, manager);
    const users = parsed(
      UsersResponseSchema,
      (await api(first.url, manager, 'GET', `/licenses/${license.id}/users`)).body,
    );
    const dev = users.users.find((u) => u.email === DEMO.user.email)!;
    const resets = Array.from({ length: 150 }, () =>
      commands.resetPassword(license.id, dev.id, `Typed-${randomUUID()}`),
    );
    let finished = false;
    const big = api(first.url, manager, 'POST', '/sync', { clientId: 'bulk', commands: resets }).finally(() => {
      finished = true;
    });
    const statuses: number[] = [];
    while (!finished) {
      const res = await api(second.url, null, 'POST', '/auth/login', {
        companyId: DEMO.companyId,
        email: DEMO.manager.email,
        password: DEMO.manager.password,
      });
      statuses.push(res.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await big;
    expect(answer.status).toBe(200);
    const outcomes = parsed(SyncResponseSchema, answer.body).results.map((r) => r.code ?? r.outcome);
    expect(new Set(outcomes)).toEqual(new Set(['applied']));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);
});
