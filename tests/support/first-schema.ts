import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword } from '../../server/auth/password';
import { hashToken, newSessionToken } from '../../server/auth/tokens';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrate';
import { initial } from '../../server/db/migrations/001_initial';

/** What a database made by the first schema holds (firstSchemaDatabase), to read back after an upgrade. */
export interface FirstSchemaRows {
  companyId: string;
  licenseId: string;
  manager: { id: string; email: string; password: string };
  user: { id: string; email: string };
  activeDevice: string;
  resetDevice: string;
  /** A signed-in session of the manager: a client that upgrades keeps it. */
  sessionToken: string;
  /** The opId of the reset the manager's outbox sent before the upgrade. */
  appliedOpId: string;
}

/**
 * A SQLite file as the first released schema (001_initial) left it, with one row of every table:
 * a company, its manager and license user, a license, its manager appointment and two seats, an
 * active and a reset device, a session, a stored sync answer and its audit event. Written with
 * the first schema's columns only, as that version of the server wrote them.
 */
export async function firstSchemaDatabase(path: string): Promise<FirstSchemaRows> {
  const db = await openDatabase(`sqlite:${path}`);
  await migrateToLatest(db, { '001_initial': initial('sqlite') });
  const rows: FirstSchemaRows = {
    companyId: 'Legacy',
    licenseId: randomUUID(),
    manager: { id: randomUUID(), email: 'boss@legacy.example', password: 'legacy-manager-password' },
    user: { id: randomUUID(), email: 'dev@legacy.example' },
    activeDevice: randomUUID(),
    resetDevice: randomUUID(),
    sessionToken: newSessionToken(),
    appliedOpId: randomUUID(),
  };
  const company = randomUUID();
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const until = new Date(Date.now() + 200 * 86_400_000).toISOString();
  const k = db.kysely;
  await sql`insert into companies values (${company}, 'Legacy', 'legacy', 'Legacy Ltd', ${at})`.execute(k);
  const hash = await hashPassword(rows.manager.password);
  await sql`insert into users values (${rows.manager.id}, ${company}, ${rows.manager.email}, 'Bea', 'Boss', ${hash}, 0, ${at}),
    (${rows.user.id}, ${company}, ${rows.user.email}, 'Dev', 'Eloper', ${await hashPassword('legacy-dev-password')}, 0, ${at})`.execute(
    k,
  );
  await sql`insert into licenses values (${rows.licenseId}, ${company}, 'Legacy IDE', 'offline_organization', 'subscription',
    'active', ${until}, 3, 5, 5, 1, ${at})`.execute(k);
  await sql`insert into license_managers values (${rows.licenseId}, ${rows.manager.id})`.execute(k);
  await sql`insert into assignments values (${rows.licenseId}, ${rows.manager.id}, ${at}), (${rows.licenseId}, ${rows.user.id}, ${at})`.execute(
    k,
  );
  await sql`insert into devices values
    (${rows.activeDevice}, ${rows.licenseId}, ${rows.user.id}, 'HW-ACTIVE', 'dev-laptop', 'Linux', ${at}, ${at}, 1, null),
    (${rows.resetDevice}, ${rows.licenseId}, ${rows.user.id}, 'HW-RESET', 'old-desktop', 'Windows', ${at}, ${at}, 0, ${at})`.execute(
    k,
  );
  const expires = new Date(Date.now() + 20 * 86_400_000).toISOString();
  await sql`insert into sessions values (${hashToken(rows.sessionToken)}, ${rows.manager.id}, ${at}, ${expires}, ${at})`.execute(
    k,
  );
  const result = JSON.stringify({ deviceId: rows.resetDevice, deactivationCount: 1 });
  await sql`insert into applied_ops values (${company}, ${rows.appliedOpId}, ${rows.manager.id}, 'device.reset', 'applied',
    null, null, ${result}, ${at})`.execute(k);
  await sql`insert into audit_events (company_id, actor_user_id, actor, license_id, action, op_id, detail_json, at)
    values (${company}, ${rows.manager.id}, ${rows.manager.email}, ${rows.licenseId}, 'device.reset', ${rows.appliedOpId},
    ${JSON.stringify({ hostname: 'old-desktop' })}, ${at})`.execute(k);
  await db.close();
  return rows;
}
