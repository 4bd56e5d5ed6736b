import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect';

/** The first schema. `any` because a migration must not depend on today's table types. */
export const initial = (dialect: DialectName): Migration => ({
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up: (db: Kysely<any>) => up(db, dialect),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('public_id', 'varchar(100)', (c) => c.notNull())
    .addColumn('public_id_key', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('company_id', 'varchar(64)', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('first_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('last_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addUniqueConstraint('users_company_email', ['company_id', 'email'])
    .execute();

  await db.schema
    .createTable('licenses')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('company_id', 'varchar(64)', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('subscription_kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('license_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(40)')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('max_activations', 'integer')
    .addColumn('max_deactivations', 'integer')
    .addColumn('deactivation_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('licenses_company').on('licenses').column('company_id').execute();

  await db.schema
    .createTable('license_managers')
    .addColumn('license_id', 'varchar(64)', (c) => c.notNull().references('licenses.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('license_managers_pk', ['license_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('assignments')
    .addColumn('license_id', 'varchar(64)', (c) => c.notNull().references('licenses.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('assigned_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignments_pk', ['license_id', 'user_id'])
    .execute();
  await db.schema.createIndex('assignments_user').on('assignments').column('user_id').execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('license_id', 'varchar(64)', (c) => c.notNull().references('licenses.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('hardware_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('hostname', 'varchar(255)', (c) => c.notNull())
    .addColumn('os', 'varchar(100)', (c) => c.notNull())
    .addColumn('first_activated_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_checked_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('deactivated_at', 'varchar(40)')
    .execute();
  await db.schema.createIndex('devices_license_hw').on('devices').columns(['license_id', 'hardware_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('applied_ops')
    .addColumn('company_id', 'varchar(64)', (c) => c.notNull().references('companies.id').onDelete('cascade'))
    .addColumn('op_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('code', 'varchar(60)')
    .addColumn('message', 'text')
    .addColumn('result_json', 'text')
    .addColumn('applied_at', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('applied_ops_pk', ['company_id', 'op_id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    // An ever-growing id orders events that share a timestamp; each database spells it its own way.
    .addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    )
    .addColumn('company_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('actor', 'varchar(254)', (c) => c.notNull())
    .addColumn('license_id', 'varchar(64)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('op_id', 'varchar(64)')
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_company_at').on('audit_events').columns(['company_id', 'at']).execute();
}
