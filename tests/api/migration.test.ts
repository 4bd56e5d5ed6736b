import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { openDatabase, type Db } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { initial } from '../../server/db/migrations/001_initial';
import { tempDatabasePath } from '../support/portal-server';

let db: Db | undefined;
afterAll(() => db?.close());

describe('migration 002 (sync scale) on a database with data', () => {
  it('counts the existing devices and seats into the license and starts every version at 0', async () => {
    db = await openDatabase(`sqlite:${tempDatabasePath()}`);
    const first = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => ({ '001_initial': initial('sqlite') }) },
    });
    expect((await first.migrateToLatest()).error).toBeUndefined();
    const at = new Date().toISOString();
    const [company, license, u1, u2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await sql`insert into companies values (${company}, 'Old', 'old', 'Old Co', ${at})`.execute(db.kysely);
    for (const [id, email] of [
      [u1, 'a@old.example'],
      [u2, 'b@old.example'],
    ])
      await sql`insert into users values (${id}, ${company}, ${email}, '', '', 'x', 0, ${at})`.execute(db.kysely);
    await sql`insert into licenses values (${license}, ${company}, 'L', 'organization', 'subscription', 'active', null, 2, 5, 5, 1, ${at})`.execute(
      db.kysely,
    );
    await sql`insert into assignments values (${license}, ${u1}, ${at}), (${license}, ${u2}, ${at})`.execute(db.kysely);
    for (const [n, active] of [
      [1, 1],
      [2, 1],
      [3, 0],
    ])
      await sql`insert into devices values (${randomUUID()}, ${license}, ${u1}, ${`HW-${n}`}, 'h', 'o', ${at}, ${at}, ${active}, null)`.execute(
        db.kysely,
      );

    expect(await migrateToLatest(db)).toEqual([
      '002_sync_scale',
      '003_sign_in_limits',
      '004_license_events',
      '005_company_links',
      '006_password_safety',
      '007_list_pages',
      '008_vendor_signing',
      '009_grant_codes',
    ]);
    // 006: accounts and sessions from before start at password version 0 (their sessions keep
    // working), and no old initial password expires.
    const user = await db.kysely.selectFrom('users').selectAll().where('id', '=', u1).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ password_version: 0, initial_password_expires_at: null });
    // 005: a company from before has no links of its own, so the server's defaults apply to it.
    const old = await db.kysely.selectFrom('companies').selectAll().where('id', '=', company).executeTakeFirstOrThrow();
    expect(old).toMatchObject({ name: 'Old Co', contact_url: null, upgrade_url: null });
    const row = await db.kysely.selectFrom('licenses').selectAll().where('id', '=', license).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      active_devices: 2,
      seats_used: 2,
      version: 0,
      pruned_version: 0,
      deactivation_count: 1,
    });
    const versions = await db.kysely.selectFrom('devices').select('version').execute();
    expect(versions.map((v) => v.version)).toEqual([0, 0, 0]);
    expect(await migrateToLatest(db)).toEqual([]);
  });
});
