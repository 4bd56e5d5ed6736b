import type { Kysely, Migration } from 'kysely';

/**
 * A password version on every account and session: a session works only while its account's
 * version is the one it was created under, so a password change or reset ends every session made
 * with the old password, even one created while the change was under way. And when an unused
 * initial password stops working (null: it does not expire, or the user chose their own).
 */
export const passwordSafety: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema
      .alterTable('users')
      .addColumn('password_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('users').addColumn('initial_password_expires_at', 'text').execute();
    await db.schema
      .alterTable('sessions')
      .addColumn('password_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
