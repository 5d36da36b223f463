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
