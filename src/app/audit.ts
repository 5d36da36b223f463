import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';

export interface AuditEntry {
  readonly userId: number | null;
  readonly entity: string;
  readonly entityId: number | null;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: string;
}

/** Appends one entry to the audit log, in the caller's transaction. */
export async function audit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      user_id: entry.userId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export async function listAudit(
  store: { db: Kysely<Database> },
  filters: { entity?: string | undefined; entityId?: number | undefined; limit: number; offset: number },
) {
  let query = store.db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id');
  if (filters.entity) query = query.where('audit_log.entity', '=', filters.entity);
  if (filters.entityId !== undefined) query = query.where('audit_log.entity_id', '=', filters.entityId);
  const [rows, count] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.action',
        'audit_log.before',
        'audit_log.after',
        'users.username',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      username: r.username,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    })),
    total: Number(count.n),
  };
}
