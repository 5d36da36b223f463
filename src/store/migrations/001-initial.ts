import { sql, type Kysely } from 'kysely';

/**
 * The first schema. Written with Kysely's schema builder so one migration serves SQLite and
 * PostgreSQL; `id` columns are the dialect's auto-increment integer.
 */
// Migrations must not depend on the app's evolving types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const pk = dialect === 'postgres' ? 'serial' : 'integer';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  const real = dialect === 'postgres' ? 'double precision' : 'real';
  // PostgreSQL's serial is its own sequence; SQLite needs AUTOINCREMENT so ids are never reused.
  const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T): T =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('units')
    .addColumn('id', pk, autoId)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull().unique())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', pk, autoId)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'office', 'member', 'viewer')`))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('directives')
    .addColumn('id', pk, autoId)
    .addColumn('number', 'text')
    .addColumn('number_key', 'text', (c) => c.unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('title', 'text')
    .addColumn('signer', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'confirmed')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('file_data', blob, (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('citations')
    .addColumn('id', pk, autoId)
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('cited_number', 'text', (c) => c.notNull())
    .addColumn('cited_key', 'text', (c) => c.notNull())
    .addColumn('cited_on', 'text')
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citations_cited_key').on('citations').column('cited_key').execute();

  await db.schema
    .createTable('indicators')
    .addColumn('id', pk, autoId)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn('category', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_aliases')
    .addColumn('id', pk, autoId)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_folded', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_aliases_unique', ['indicator_id', 'alias_folded'])
    .execute();
  await db.schema
    .createIndex('indicator_aliases_folded')
    .on('indicator_aliases')
    .column('alias_folded')
    .execute();

  await db.schema
    .createTable('quantities')
    .addColumn('id', pk, autoId)
    .addColumn('directive_id', 'integer', (c) => c.references('directives.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('target', 'result')`))
    .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
    .addColumn('indicator_text', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('lo', real)
    .addColumn('hi', real)
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('scope', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('adjusts_id', 'integer', (c) => c.references('quantities.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('quantities_indicator')
    .on('quantities')
    .columns(['indicator_id', 'period'])
    .execute();
  await db.schema.createIndex('quantities_directive').on('quantities').column('directive_id').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', pk, autoId)
    .addColumn('directive_id', 'integer', (c) => c.notNull().references('directives.id').onDelete('cascade'))
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lead_text', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('deadline', 'text')
    .addColumn('deadline_text', 'text')
    .addColumn('claim', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('claimed_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('tasks_lead').on('tasks').columns(['lead_unit_id', 'deadline']).execute();
  await db.schema.createIndex('tasks_deadline').on('tasks').columns(['deadline', 'completed_at']).execute();
  await db.schema.createIndex('tasks_directive').on('tasks').column('directive_id').execute();

  await db.schema
    .createTable('task_support')
    .addColumn('id', pk, autoId)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('task_updates')
    .addColumn('id', pk, autoId)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', pk, autoId)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

/** The audit log is append-only: the database itself refuses to change or delete its rows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function protectAuditLog(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
      db,
    );
  } else {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql`.execute(
      db,
    );
    await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
      db,
    );
  }
}
