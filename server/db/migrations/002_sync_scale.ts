import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Enterprise scale: per-license counters (active devices, seats used) kept by every writer so
 * counts cost O(1); a per-license change version stamped on every changed device and assignment
 * row, with tombstones for removed assignments, so a list refresh sends only what changed; the
 * command hash beside each stored sync result, so an opId answers only the command it was for.
 * Existing rows get version 0 and counters computed once here.
 */
export const syncScale: Migration = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration must not depend on today's table types
  up: async (db: Kysely<any>) => {
    await db.schema
      .alterTable('licenses')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('licenses')
      .addColumn('active_devices', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('licenses')
      .addColumn('seats_used', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Cursors at or below this version can no longer be continued (older tombstones were pruned).
    await db.schema
      .alterTable('licenses')
      .addColumn('pruned_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update licenses set
      active_devices = (select count(*) from devices where devices.license_id = licenses.id and devices.active = 1),
      seats_used = (select count(*) from assignments where assignments.license_id = licenses.id)`.execute(db);

    for (const table of ['devices', 'assignments']) {
      await db.schema
        .alterTable(table)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex(`${table}_license_version`).on(table).columns(['license_id', 'version']).execute();
    }
    await db.schema.createIndex('devices_license_user').on('devices').columns(['license_id', 'user_id']).execute();

    await db.schema
      .createTable('assignment_tombstones')
      .addColumn('license_id', 'varchar(64)', (c) => c.notNull().references('licenses.id').onDelete('cascade'))
      .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('removed_at', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('assignment_tombstones_pk', ['license_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('assignment_tombstones_version')
      .on('assignment_tombstones')
      .columns(['license_id', 'version'])
      .execute();
    await db.schema
      .createIndex('assignment_tombstones_removed')
      .on('assignment_tombstones')
      .column('removed_at')
      .execute();

    await db.schema.alterTable('applied_ops').addColumn('command_hash', 'varchar(64)').execute();
    await db.schema.createIndex('applied_ops_applied_at').on('applied_ops').column('applied_at').execute();
  },
};
