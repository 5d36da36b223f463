import { sql, type Kysely } from 'kysely';

/**
 * The follow-up cycle: reporting regimes (chế độ báo cáo, the fields of Nghị định
 * 09/2019/NĐ-CP), the units' periodic reports with every submitted version kept, in-app
 * notifications (one per day, unit, kind and item), and explanations a leader asks for.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const pk = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T): T =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('report_regimes')
    .addColumn('id', pk, autoId)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(sql`frequency in ('month', 'quarter', 'half', 'year')`),
    )
    .addColumn('receiver_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('cutoff_days_before_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submit_days_after_end', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('template', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('regime_units')
    .addColumn('regime_id', 'integer', (c) => c.notNull().references('report_regimes.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('regime_units_pk', ['regime_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', pk, autoId)
    .addColumn('regime_id', 'integer', (c) => c.notNull().references('report_regimes.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'returned')`))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('reports_unique', ['regime_id', 'unit_id', 'period'])
    .execute();

  await db.schema
    .createTable('report_versions')
    .addColumn('id', pk, autoId)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('returned_at', 'text')
    .addColumn('return_reason', 'text')
    .addUniqueConstraint('report_versions_unique', ['report_id', 'number'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', pk, autoId)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('emailed_at', 'text')
    .addColumn('read_at', 'text')
    .execute();
  // Values a unit reported come from its report; a resubmission replaces them.
  await db.schema
    .alterTable('quantities')
    .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('notifications_unit').on('notifications').columns(['unit_id', 'day']).execute();
}
