import type { Transaction } from 'kysely';
import { fold } from '../domain/fold.js';
import { catalogEntryFor, type CatalogEntry } from '../domain/indicator-catalog.js';
import { suggestUnits, type NamedUnit } from '../domain/match-unit.js';
import { extract, type ExtractResult } from '../extract/index.js';
import { readBytes } from '../read/index.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { audit } from './audit.js';
import { AppError } from './errors.js';

export interface ImportInput {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly userId: number | null;
  /** ISO timestamp of the import. */
  readonly now: string;
  /** Replace an existing draft with the same number instead of refusing. */
  readonly replaceDraft?: boolean;
  readonly maxBytes?: number;
}

export interface ImportSummary {
  readonly directiveId: number;
  readonly number: string | null;
  readonly targets: number;
  readonly results: number;
  readonly tasks: number;
  readonly warnings: number;
  readonly replacedDraftId: number | null;
}

/** Folded document number: the key that makes "412/NQ-HĐND" and "412/nq-hdnd" the same directive. */
export function numberKey(number: string | null): string | null {
  if (!number) return null;
  return fold(number).replace(/ /g, '');
}

async function loadUnits(trx: Transaction<Database>): Promise<NamedUnit[]> {
  const rows = await trx.selectFrom('units').select(['id', 'name', 'aliases']).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

/** The unit a name surely means (an exact folded match); the reviewer maps the rest. */
function surelyMeans(name: string | null, units: readonly NamedUnit[]): number | null {
  if (!name) return null;
  const best = suggestUnits(name, units, 1)[0];
  return best && best.score === 1 ? best.unitId : null;
}

/**
 * Reads a file, extracts it and stores a draft directive with every item's provenance span.
 * All or nothing: on any failure the database is as it was.
 */
export async function importDirective(store: Store, input: ImportInput): Promise<ImportSummary> {
  const read = await readBytes(
    input.bytes,
    input.fileName,
    input.maxBytes === undefined ? {} : { maxBytes: input.maxBytes },
  );
  if (!read.ok) throw new AppError('unreadable-file', read.error.message, { reason: read.error.code });
  const result = extract(read.text);
  return store.db.transaction().execute(async (trx) => saveDraft(trx, result, input, read.format));
}

async function saveDraft(
  trx: Transaction<Database>,
  result: ExtractResult,
  input: ImportInput,
  format: string,
): Promise<ImportSummary> {
  const doc = result.document;
  const key = numberKey(doc.number);
  let replacedDraftId: number | null = null;
  if (key) {
    const existing = await trx
      .selectFrom('directives')
      .select(['id', 'status', 'number'])
      .where('number_key', '=', key)
      .executeTakeFirst();
    if (existing) {
      if (existing.status === 'draft' && input.replaceDraft) {
        await trx.deleteFrom('directives').where('id', '=', existing.id).execute();
        replacedDraftId = existing.id;
      } else {
        throw new AppError(
          'duplicate-number',
          existing.status === 'draft'
            ? `Văn bản số ${doc.number} đã có bản nháp (#${existing.id}). Hãy rà soát bản nháp đó, hoặc nhập lại với tùy chọn thay thế bản nháp. (A draft with this number exists; review it or ask to replace it.)`
            : `Văn bản số ${doc.number} đã được nhập và xác nhận (#${existing.id}). (A confirmed directive with this number exists.)`,
          { existingId: existing.id, status: existing.status },
        );
      }
    }
  }
  const inserted = await trx
    .insertInto('directives')
    .values({
      number: doc.number,
      number_key: key,
      type: doc.type,
      issuer: doc.issuer,
      issued_on: doc.date,
      title: doc.title,
      signer: doc.signer,
      status: 'draft',
      file_name: input.fileName,
      file_type: format,
      file_data: Buffer.from(input.bytes),
      source_text: result.source.text,
      search_folded: fold(`${doc.number ?? ''} ${doc.title ?? ''} ${doc.issuer ?? ''} ${input.fileName}`),
      warnings: JSON.stringify(result.warnings),
      created_by: input.userId,
      created_at: input.now,
      confirmed_at: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const directiveId = inserted.id;

  if (result.references.length > 0) {
    await trx
      .insertInto('citations')
      .values(
        result.references.map((r) => ({
          directive_id: directiveId,
          cited_number: r.number,
          cited_key: numberKey(r.number) ?? '',
          cited_on: r.date,
          span_start: r.span[0],
          span_end: r.span[1],
        })),
      )
      .execute();
  }
  const quantities = [
    ...result.targets.map((q) => ({ q, kind: 'target' as const })),
    ...result.results.map((q) => ({ q, kind: 'result' as const })),
  ];
  const indicatorIds = new Map<string, number>();
  const indicatorFor = async (text: string, unit: string): Promise<number | null> => {
    const entry = catalogEntryFor(text, unit);
    if (!entry) return null;
    let id = indicatorIds.get(entry.key);
    if (id === undefined) {
      id = await ensureIndicator(trx, entry, input.now);
      indicatorIds.set(entry.key, id);
    }
    await rememberAlias(trx, id, text);
    return id;
  };
  const linked: (number | null)[] = [];
  for (const { q } of quantities) linked.push(await indicatorFor(q.indicator, q.unit));
  for (let i = 0; i < quantities.length; i += 200) {
    await trx
      .insertInto('quantities')
      .values(
        quantities.slice(i, i + 200).map(({ q, kind }, j) => ({
          directive_id: directiveId,
          kind,
          indicator_id: linked[i + j] ?? null,
          indicator_text: q.indicator,
          op: q.op,
          lo: q.lo,
          hi: q.hi,
          raw: q.raw,
          unit: q.unit,
          period: q.period,
          scope: q.scope,
          text: q.text,
          span_start: q.span[0],
          span_end: q.span[1],
          adjusts_id: null,
          created_at: input.now,
          version: 1,
        })),
      )
      .execute();
  }
  const units = await loadUnits(trx);
  for (const task of result.tasks) {
    const row = await trx
      .insertInto('tasks')
      .values({
        directive_id: directiveId,
        section: task.section,
        text: task.text,
        lead_text: task.lead,
        lead_unit_id: surelyMeans(task.lead, units),
        deadline: task.deadline?.date ?? null,
        deadline_text: task.deadline?.text ?? null,
        claim: 'none',
        claimed_at: null,
        completed_at: task.done && task.deadline?.date ? task.deadline.date : null,
        progress: task.done ? 100 : 0,
        note: null,
        span_start: task.span[0],
        span_end: task.span[1],
        search_folded: fold(`${task.text} ${task.lead ?? ''} ${task.section}`),
        created_at: input.now,
        updated_at: input.now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (task.support.length > 0) {
      await trx
        .insertInto('task_support')
        .values(task.support.map((name) => ({ task_id: row.id, name, unit_id: surelyMeans(name, units) })))
        .execute();
    }
  }
  const summary: ImportSummary = {
    directiveId,
    number: doc.number,
    targets: result.targets.length,
    results: result.results.length,
    tasks: result.tasks.length,
    warnings: result.warnings.length,
    replacedDraftId,
  };
  await audit(trx, {
    userId: input.userId,
    entity: 'directive',
    entityId: directiveId,
    action: 'import',
    after: summary,
    at: input.now,
  });
  return summary;
}

/** Keeps the document's own words for an indicator, so later directives match them too. */
async function rememberAlias(trx: Transaction<Database>, indicatorId: number, text: string): Promise<void> {
  const alias = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  const folded = fold(alias);
  if (!folded) return;
  const known = await trx
    .selectFrom('indicator_aliases')
    .select('id')
    .where('indicator_id', '=', indicatorId)
    .where('alias_folded', '=', folded)
    .executeTakeFirst();
  if (!known)
    await trx
      .insertInto('indicator_aliases')
      .values({ indicator_id: indicatorId, alias, alias_folded: folded })
      .execute();
}

/** The stored indicator for a catalogue entry, created with its aliases on first use. */
async function ensureIndicator(
  trx: Transaction<Database>,
  entry: CatalogEntry,
  now: string,
): Promise<number> {
  const folded = fold(entry.name);
  const existing = await trx
    .selectFrom('indicators')
    .select('id')
    .where('name_folded', '=', folded)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto('indicators')
    .values({
      name: entry.name,
      name_folded: folded,
      unit: entry.unit,
      direction: entry.direction,
      category: entry.category,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Makes a reviewed draft live. */
export async function confirmDirective(
  store: Store,
  directiveId: number,
  userId: number | null,
  now: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('directives')
      .select(['id', 'status', 'version'])
      .where('id', '=', directiveId)
      .executeTakeFirst();
    if (!row)
      throw new AppError('not-found', `Không có văn bản #${directiveId}. (No directive #${directiveId}.)`);
    if (row.status !== 'draft')
      throw new AppError('not-a-draft', `Văn bản #${directiveId} đã được xác nhận. (Already confirmed.)`);
    await trx
      .updateTable('directives')
      .set({ status: 'confirmed', confirmed_at: now, version: row.version + 1 })
      .where('id', '=', directiveId)
      .execute();
    // A target for an indicator and period an earlier confirmed directive already set adjusts
    // that target: the original stays, and the new one records which one it changed.
    const targets = await trx
      .selectFrom('quantities')
      .select(['id', 'indicator_id', 'period', 'scope'])
      .where('directive_id', '=', directiveId)
      .where('kind', '=', 'target')
      .where('indicator_id', 'is not', null)
      .where('period', 'is not', null)
      .execute();
    for (const t of targets) {
      const earlier = await trx
        .selectFrom('quantities as q')
        .innerJoin('directives as d', 'd.id', 'q.directive_id')
        .select(['q.id'])
        .where('q.kind', '=', 'target')
        .where('q.indicator_id', '=', t.indicator_id)
        .where('q.period', '=', t.period)
        .where('q.scope', t.scope === null ? 'is' : '=', t.scope)
        .where('d.status', '=', 'confirmed')
        .where('q.directive_id', '!=', directiveId)
        .orderBy('d.confirmed_at', 'desc')
        .orderBy('q.id', 'desc')
        .executeTakeFirst();
      if (earlier)
        await trx.updateTable('quantities').set({ adjusts_id: earlier.id }).where('id', '=', t.id).execute();
    }
    await audit(trx, {
      userId,
      entity: 'directive',
      entityId: directiveId,
      action: 'confirm',
      before: { status: 'draft' },
      after: { status: 'confirmed' },
      at: now,
    });
  });
}
