import type { Kysely } from 'kysely';

/** Units get an address for reminders by email; leaders' requests for explanations are kept with the indicator. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const pk = dialect === 'postgres' ? 'serial' : 'integer';
  const autoId = <T extends { primaryKey(): T; autoIncrement(): T }>(c: T): T =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
  await db.schema.alterTable('units').addColumn('email', 'text').execute();
  await db.schema
    .createTable('explanations')
    .addColumn('id', pk, autoId)
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('explanations_indicator')
    .on('explanations')
    .columns(['indicator_id', 'period'])
    .execute();
}
