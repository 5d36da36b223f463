import { fold } from '../domain/fold.js';
import { suggestUnits, type UnitSuggestion } from '../domain/match-unit.js';
import type { Store } from '../store/db.js';
import { audit } from './audit.js';
import type { User } from './auth.js';
import { AppError } from './errors.js';
import { suggestIndicators } from './indicators.js';
import { listUnits } from './units.js';

export interface DirectiveSummary {
  readonly id: number;
  readonly number: string | null;
  readonly type: string;
  readonly issuer: string | null;
  readonly issuedOn: string | null;
  readonly title: string | null;
  readonly status: 'draft' | 'confirmed';
  readonly fileName: string;
  readonly createdAt: string;
  readonly version: number;
}

export async function listDirectives(
  store: Store,
  filters: {
    status?: 'draft' | 'confirmed' | undefined;
    q?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: DirectiveSummary[]; total: number }> {
  let query = store.db.selectFrom('directives');
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.q)
    for (const w of fold(filters.q).split(' ').filter(Boolean).slice(0, 10))
      query = query.where('search_folded', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  const [rows, count] = await Promise.all([
    query
      .select([
        'id',
        'number',
        'type',
        'issuer',
        'issued_on',
        'title',
        'status',
        'file_name',
        'created_at',
        'version',
      ])
      .orderBy('issued_on', 'desc')
      .orderBy('id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      issuer: r.issuer,
      issuedOn: r.issued_on,
      title: r.title,
      status: r.status,
      fileName: r.file_name,
      createdAt: r.created_at,
      version: r.version,
    })),
    total: Number(count.n),
  };
}

/** A directive with everything a reviewer needs: text, items with spans, citations, suggestions. */
export async function getDirective(store: Store, id: number) {
  const d = await store.db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError('not-found', `Không có văn bản #${id}. (No directive #${id}.)`);
  const [quantities, tasks, support, citations, units] = await Promise.all([
    store.db
      .selectFrom('quantities')
      .selectAll()
      .where('directive_id', '=', id)
      .orderBy('span_start')
      .execute(),
    store.db.selectFrom('tasks').selectAll().where('directive_id', '=', id).orderBy('span_start').execute(),
    store.db
      .selectFrom('task_support')
      .innerJoin('tasks', 'tasks.id', 'task_support.task_id')
      .select(['task_support.task_id', 'task_support.name', 'task_support.unit_id'])
      .where('tasks.directive_id', '=', id)
      .execute(),
    store.db
      .selectFrom('citations')
      .leftJoin('directives as cited', 'cited.number_key', 'citations.cited_key')
      .select([
        'citations.cited_number',
        'citations.cited_on',
        'citations.span_start',
        'citations.span_end',
        'cited.id as cited_id',
      ])
      .where('citations.directive_id', '=', id)
      .execute(),
    listUnits(store),
  ]);
  const indicatorSuggestions = await suggestIndicators(
    store,
    quantities.filter((q) => q.indicator_id === null).map((q) => q.indicator_text),
  );
  const suggestionCache = new Map<string, UnitSuggestion[]>();
  const suggest = (name: string | null): UnitSuggestion[] => {
    if (!name) return [];
    const cached = suggestionCache.get(name);
    if (cached) return cached;
    const s = suggestUnits(name, units);
    suggestionCache.set(name, s);
    return s;
  };
  const quantity = (q: (typeof quantities)[number]) => ({
    id: q.id,
    indicatorText: q.indicator_text,
    indicatorId: q.indicator_id,
    indicatorSuggestions: q.indicator_id === null ? (indicatorSuggestions.get(q.indicator_text) ?? []) : [],
    op: q.op,
    lo: q.lo,
    hi: q.hi,
    raw: q.raw,
    unit: q.unit,
    period: q.period,
    scope: q.scope,
    text: q.text,
    span: q.span_start !== null && q.span_end !== null ? [q.span_start, q.span_end] : null,
    version: q.version,
  });
  return {
    id: d.id,
    number: d.number,
    type: d.type,
    issuer: d.issuer,
    issuedOn: d.issued_on,
    title: d.title,
    signer: d.signer,
    status: d.status,
    fileName: d.file_name,
    fileType: d.file_type,
    createdAt: d.created_at,
    confirmedAt: d.confirmed_at,
    version: d.version,
    text: d.source_text,
    warnings: JSON.parse(d.warnings) as unknown[],
    citations: citations.map((c) => ({
      number: c.cited_number,
      date: c.cited_on,
      span: [c.span_start, c.span_end],
      directiveId: c.cited_id ?? null,
    })),
    targets: quantities.filter((q) => q.kind === 'target').map(quantity),
    results: quantities.filter((q) => q.kind === 'result').map(quantity),
    tasks: tasks.map((t) => ({
      id: t.id,
      section: t.section,
      text: t.text,
      leadText: t.lead_text,
      leadUnitId: t.lead_unit_id,
      leadSuggestions: t.lead_unit_id === null ? suggest(t.lead_text) : [],
      support: support
        .filter((s) => s.task_id === t.id)
        .map((s) => ({
          name: s.name,
          unitId: s.unit_id,
          suggestions: s.unit_id === null ? suggest(s.name) : [],
        })),
      deadline: t.deadline,
      deadlineText: t.deadline_text,
      completedAt: t.completed_at,
      span: t.span_start !== null && t.span_end !== null ? [t.span_start, t.span_end] : null,
      version: t.version,
    })),
  };
}

function requireOffice(user: User): void {
  if (user.role !== 'admin' && user.role !== 'office') {
    throw new AppError(
      'forbidden',
      'Chỉ văn phòng được rà soát văn bản. (Only the office reviews directives.)',
    );
  }
}

async function requireDraft(store: Store, directiveId: number): Promise<void> {
  const d = await store.db
    .selectFrom('directives')
    .select('status')
    .where('id', '=', directiveId)
    .executeTakeFirst();
  if (!d)
    throw new AppError('not-found', `Không có văn bản #${directiveId}. (No directive #${directiveId}.)`);
  if (d.status !== 'draft')
    throw new AppError(
      'not-a-draft',
      'Văn bản đã xác nhận; hãy sửa từng nhiệm vụ. (Confirmed: edit its tasks instead.)',
    );
}

export interface NewTask {
  readonly text: string;
  readonly section?: string | undefined;
  readonly leadUnitId?: number | null | undefined;
  readonly deadline?: string | null | undefined;
  readonly span?: readonly [number, number] | undefined;
}

/** Adds a task the extractor missed, usually from text the reviewer selected. */
export async function addTask(
  store: Store,
  user: User,
  directiveId: number,
  input: NewTask,
  now: string,
): Promise<number> {
  requireOffice(user);
  await requireDraft(store, directiveId);
  const d = await store.db
    .selectFrom('directives')
    .select('source_text')
    .where('id', '=', directiveId)
    .executeTakeFirstOrThrow();
  if (
    input.span &&
    (input.span[0] < 0 || input.span[1] > d.source_text.length || input.span[0] >= input.span[1])
  ) {
    throw new AppError(
      'invalid',
      `Vị trí [${input.span.join(', ')}] nằm ngoài văn bản (0–${d.source_text.length}). (Span outside the text.)`,
      { field: 'span' },
    );
  }
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('tasks')
      .values({
        directive_id: directiveId,
        section: input.section ?? 'added',
        text: input.text,
        lead_text: null,
        lead_unit_id: input.leadUnitId ?? null,
        deadline: input.deadline ?? null,
        deadline_text: null,
        claim: 'none',
        claimed_at: null,
        completed_at: null,
        progress: 0,
        note: null,
        span_start: input.span?.[0] ?? null,
        span_end: input.span?.[1] ?? null,
        search_folded: fold(input.text),
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      userId: user.id,
      entity: 'task',
      entityId: row.id,
      action: 'add',
      after: input,
      at: now,
    });
    return row.id;
  });
}

export interface NewQuantity {
  readonly kind: 'target' | 'result';
  readonly indicatorText: string;
  readonly indicatorId?: number | null | undefined;
  readonly op: 'eq' | 'about' | 'range' | 'gt' | 'gte' | 'lt' | 'lte';
  readonly lo: number | null;
  readonly hi: number | null;
  readonly raw: string;
  readonly unit: string;
  readonly period: string | null;
  readonly scope?: string | null | undefined;
  readonly span?: readonly [number, number] | undefined;
}

/** Adds a target or result the extractor missed, usually from text the reviewer selected. */
export async function addQuantity(
  store: Store,
  user: User,
  directiveId: number,
  input: NewQuantity,
  now: string,
): Promise<number> {
  requireOffice(user);
  await requireDraft(store, directiveId);
  const d = await store.db
    .selectFrom('directives')
    .select('source_text')
    .where('id', '=', directiveId)
    .executeTakeFirstOrThrow();
  const span = input.span;
  if (span && (span[0] < 0 || span[1] > d.source_text.length || span[0] >= span[1])) {
    throw new AppError(
      'invalid',
      `Vị trí [${span.join(', ')}] nằm ngoài văn bản (0–${d.source_text.length}). (Span outside the text.)`,
      { field: 'span' },
    );
  }
  const needLo = ['eq', 'about', 'range', 'gt', 'gte'].includes(input.op);
  const needHi = ['eq', 'about', 'range', 'lt', 'lte'].includes(input.op);
  if (
    (needLo && input.lo === null) ||
    (needHi && input.hi === null) ||
    (input.op === 'range' && (input.lo ?? 0) >= (input.hi ?? 0))
  ) {
    throw new AppError(
      'invalid',
      `Giá trị không khớp phép so sánh "${input.op}" (eq/about: lo = hi; range: lo < hi; gt/gte: lo; lt/lte: hi). (Values do not fit the op.)`,
      {
        field: 'lo',
      },
    );
  }
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('quantities')
      .values({
        directive_id: directiveId,
        kind: input.kind,
        indicator_id: input.indicatorId ?? null,
        indicator_text: input.indicatorText,
        op: input.op,
        lo: input.lo,
        hi: input.hi,
        raw: input.raw,
        unit: input.unit,
        period: input.period,
        scope: input.scope ?? null,
        text: span ? d.source_text.slice(span[0], span[1]) : input.indicatorText,
        span_start: span?.[0] ?? null,
        span_end: span?.[1] ?? null,
        adjusts_id: null,
        created_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      userId: user.id,
      entity: 'quantity',
      entityId: row.id,
      action: 'add',
      after: input,
      at: now,
    });
    return row.id;
  });
}

/** Removes a wrongly extracted task or quantity from a draft. */
export async function deleteDraftItem(
  store: Store,
  user: User,
  kind: 'task' | 'quantity',
  id: number,
  now: string,
): Promise<void> {
  requireOffice(user);
  const table = kind === 'task' ? 'tasks' : 'quantities';
  const row = await store.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.directive_id === null)
    throw new AppError('not-found', `Không có mục #${id}. (No item #${id}.)`);
  await requireDraft(store, row.directive_id);
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await audit(trx, { userId: user.id, entity: kind, entityId: id, action: 'delete', before: row, at: now });
  });
}

export interface QuantityPatch {
  readonly indicatorId?: number | null | undefined;
  readonly kind?: 'target' | 'result' | undefined;
  readonly op?: string | undefined;
  readonly lo?: number | null | undefined;
  readonly hi?: number | null | undefined;
  readonly raw?: string | undefined;
  readonly unit?: string | undefined;
  readonly period?: string | null | undefined;
  readonly scope?: string | null | undefined;
  readonly version?: number | undefined;
}

/** Corrects a target or result, or links it to an indicator. */
export async function updateQuantity(
  store: Store,
  user: User,
  id: number,
  patch: QuantityPatch,
  now: string,
): Promise<void> {
  requireOffice(user);
  await store.db.transaction().execute(async (trx) => {
    const q = await trx.selectFrom('quantities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!q) throw new AppError('not-found', `Không có chỉ tiêu #${id}. (No quantity #${id}.)`);
    if (patch.version !== undefined && patch.version !== q.version) {
      throw new AppError(
        'conflict',
        'Mục này đã được người khác sửa; hãy tải lại. (Changed by someone else; reload.)',
        { currentVersion: q.version },
      );
    }
    if (patch.indicatorId !== undefined && patch.indicatorId !== null) {
      const ind = await trx
        .selectFrom('indicators')
        .select('id')
        .where('id', '=', patch.indicatorId)
        .executeTakeFirst();
      if (!ind)
        throw new AppError('invalid', `Không có chỉ số #${patch.indicatorId}. (No such indicator.)`, {
          field: 'indicatorId',
        });
    }
    const changes = Object.fromEntries(
      Object.entries({
        indicator_id: patch.indicatorId,
        kind: patch.kind,
        op: patch.op,
        lo: patch.lo,
        hi: patch.hi,
        raw: patch.raw,
        unit: patch.unit,
        period: patch.period,
        scope: patch.scope,
      }).filter(([, v]) => v !== undefined),
    );
    if (Object.keys(changes).length === 0)
      throw new AppError('invalid', 'Không có gì để cập nhật. (Nothing to change.)');
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (q as Record<string, unknown>)[k]]),
    );
    await trx
      .updateTable('quantities')
      .set({ ...changes, version: q.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'quantity',
      entityId: id,
      action: 'update',
      before,
      after: changes,
      at: now,
    });
  });
}
