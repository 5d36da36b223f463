import type { Kysely } from 'kysely';

/**
 * Search that ignores diacritics needs a folded copy of what is searched (SQLite has no
 * unaccent); observations reported by a unit carry the unit whose territory they cover.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('search_folded', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('quantities')
    .addColumn('scope_unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('directives')
    .addColumn('search_folded', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('indicators')
    .addColumn('merged_into_id', 'integer', (c) => c.references('indicators.id'))
    .execute();
  await db.schema
    .createIndex('quantities_scope_unit')
    .on('quantities')
    .columns(['indicator_id', 'scope_unit_id'])
    .execute();
}
