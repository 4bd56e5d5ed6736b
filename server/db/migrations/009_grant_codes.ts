import type { Kysely, Migration } from 'kysely';

/**
 * Grant codes used: a code's id (its `j` claim) is written in the same transaction as the change
 * it makes, so a code applies once however often, and by however many managers, it is sent.
 */
export const grantCodes: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema
      .createTable('grant_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('license_id', 'text', (c) => c.notNull().references('licenses.id'))
      .addColumn('used_by', 'text', (c) => c.notNull())
      .addColumn('op_id', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text', (c) => c.notNull())
      .execute();
  },
};
