import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sql, type Kysely } from 'kysely';
import {
  DevicesResponseSchema,
  EventsResponseSchema,
  LicenseResponseSchema,
  MeResponseSchema,
  UsersResponseSchema,
} from '@shared/schemas';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest, migrationsFor, migrationState } from '../../server/db/migrate';
import { firstSchemaDatabase } from '../support/first-schema';
import {
  api,
  apiLogin,
  freshPostgresDatabase,
  startPortalServer,
  tempDatabasePath,
  type PortalServer,
} from '../support/portal-server';
import { parsed, sync } from './fixtures';

// Upgrades: the current server on a database an older or a newer version made.
vi.setConfig({ testTimeout: 120_000 });
const servers: PortalServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('a database made by the first schema, holding every kind of row', () => {
  it('is upgraded at start, and every row reads back through the API; the client stays signed in', async () => {
    const path = tempDatabasePath();
    const old = await firstSchemaDatabase(path);
    const server = await startPortalServer({ databasePath: path, seed: false });
    servers.push(server);
    // The session from before the upgrade still works: no new sign-in.
    const token = old.sessionToken;
    const me = parsed(MeResponseSchema, (await api(server.url, token, 'GET', '/me')).body);
    expect(me).toMatchObject({ user: { email: old.manager.email }, company: { companyId: old.companyId } });

    const { license } = parsed(
      LicenseResponseSchema,
      (await api(server.url, token, 'GET', `/licenses/${old.licenseId}`)).body,
    );
    expect(license).toMatchObject({
      name: 'Legacy IDE',
      subscriptionKind: 'offline_organization',
      quantity: 3,
      maxActivations: 5,
      maxDeactivations: 5,
      deactivationCount: 1,
    });
    // Counters the later schema keeps were computed from the old rows.
    expect(license).toMatchObject({ activations: { used: 1, max: 5 }, seats: { used: 2, max: 3 } });

    const devices = parsed(
      DevicesResponseSchema,
      (await api(server.url, token, 'GET', `/licenses/${old.licenseId}/devices`)).body,
    );
    expect(devices.devices.map((d) => [d.id, d.hostname, d.active]).sort()).toEqual(
      [
        [old.activeDevice, 'dev-laptop', true],
        [old.resetDevice, 'old-desktop', false],
      ].sort(),
    );
    const users = parsed(
      UsersResponseSchema,
      (await api(server.url, token, 'GET', `/licenses/${old.licenseId}/users`)).body,
    );
    expect(users.users.map((u) => u.email).sort()).toEqual([old.manager.email, old.user.email]);
    const events = parsed(
      EventsResponseSchema,
      (await api(server.url, token, 'GET', `/licenses/${old.licenseId}/events`)).body,
    );
    expect(events.events).toEqual([
      expect.objectContaining({ kind: 'device.reset', actor: old.manager.email, detail: { hostname: 'old-desktop' } }),
    ]);

    // The outbox resends the reset it sent before the upgrade: the stored answer, nothing applied again.
    const resend = await sync(server.url, token, [
      { opId: old.appliedOpId, seq: 1, kind: 'device.reset', payload: { deviceId: old.resetDevice } },
    ]);
    expect(resend).toEqual([
      { opId: old.appliedOpId, outcome: 'applied', result: { deviceId: old.resetDevice, deactivationCount: 1 } },
    ]);
    // And the old password still signs in.
    await expect(apiLogin(server.url, old.manager.email, old.manager.password, old.companyId)).resolves.toBeTruthy();
  });
});

describe('a database from a newer version', () => {
  it('makes the server refuse to start, saying why, and leaves the file untouched', async () => {
    const path = tempDatabasePath();
    const db = await openDatabase(`sqlite:${path}`);
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('900_from_a_newer_version', ${new Date().toISOString()})`.execute(
      db.kysely,
    );
    await db.close();
    const before = sha256(path);
    const started = startPortalServer({ databasePath: path, seed: false });
    await expect(started).rejects.toThrow(/exited \(1\) before listening/);
    const message = await started.catch((e: Error) => e.message);
    expect(message).toContain('the database was upgraded by a newer version of Seat Portal');
    expect(message).toContain('900_from_a_newer_version');
    expect(message).toContain('It was left untouched');
    expect(sha256(path)).toBe(before);
  });
});

describe('migrations', () => {
  it('run in one transaction: a failing one leaves the database as it was', async () => {
    const url = process.env.TEST_POSTGRES_URL
      ? await freshPostgresDatabase(process.env.TEST_POSTGRES_URL)
      : `sqlite:${tempDatabasePath()}`;
    const db = await openDatabase(url);
    try {
      const current = migrationsFor(db);
      const { '006_password_safety': last, ...allButLast } = current;
      await migrateToLatest(db, allButLast);
      const broken = {
        ...current,
        '900_half_done': {
          up: async (trx: Kysely<unknown>) => {
            await trx.schema.createTable('half_done').addColumn('id', 'integer').execute();
            throw new Error('a migration that fails half-way');
          },
        },
      };
      expect(last).toBeDefined();
      await expect(migrateToLatest(db, broken)).rejects.toThrow('a migration that fails half-way');
      // Neither the pending 006 nor the half of 900 stayed.
      expect((await migrationState(db)).pending).toEqual(['006_password_safety']);
      const tables = await db.kysely.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('half_done');
      // And the next start finishes the upgrade.
      expect(await migrateToLatest(db)).toEqual(['006_password_safety']);
    } finally {
      await db.close();
    }
  });
});
