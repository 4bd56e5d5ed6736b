import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in attempt counters in the database, so every server instance on one database counts the
 * same attempts and a restart forgets nothing. Also indexes the read path lacked: license managers
 * by user, and a company's licenses in their display order. `any` because a migration must not depend on today's table types.
 */
export const signInLimits: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sign_in_limits')
      // sha256 of what is counted (e.g. company + email + address): fixed length, no typed emails kept.
      .addColumn('limit_key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('window_ends_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_limits_window').on('sign_in_limits').column('window_ends_at').execute();
    // The caller's licenses in their order (GET /licenses, /status) without a sort per request.
    await db.schema
      .createIndex('licenses_company_created')
      .on('licenses')
      .columns(['company_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('license_managers_user')
      .on('license_managers')
      .columns(['user_id', 'license_id'])
      .execute();
  },
};
