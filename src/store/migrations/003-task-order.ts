import { sql, type Kysely } from 'kysely';

/** Task lists are read in deadline order (no deadline last), often for one unit; these indexes serve both. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX tasks_due_order ON tasks ((coalesce(deadline, '9999-12-31')), id)`.execute(db);
  await sql`CREATE INDEX task_support_unit ON task_support (unit_id, task_id)`.execute(db);
}
