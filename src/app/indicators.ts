import { fold } from '../domain/fold.js';
import type { Store } from '../store/db.js';
import { audit } from './audit.js';
import type { User } from './auth.js';
import { AppError } from './errors.js';

export interface IndicatorView {
  readonly id: number;
  readonly name: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  readonly category: string | null;
  readonly aliases: readonly string[];
  readonly targets: number;
  readonly results: number;
}

/** Indicators whose name or an alias contains every word of `q`, diacritics ignored. */
export async function listIndicators(
  store: Store,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<{ items: IndicatorView[]; total: number }> {
  let query = store.db.selectFrom('indicators').where('merged_into_id', 'is', null);
  for (const w of q ? fold(q).split(' ').filter(Boolean).slice(0, 10) : []) {
    const like = `%${w.replace(/[%_\\]/g, '')}%`;
    query = query.where((eb) =>
      eb.or([
        eb('indicators.name_folded', 'like', like),
        eb.exists(
          eb
            .selectFrom('indicator_aliases')
            .select('indicator_aliases.id')
            .whereRef('indicator_aliases.indicator_id', '=', 'indicators.id')
            .where('indicator_aliases.alias_folded', 'like', like),
        ),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select((eb) => [
        'indicators.id',
        'indicators.name',
        'indicators.unit',
        'indicators.direction',
        'indicators.category',
        eb
          .selectFrom('quantities')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('quantities.indicator_id', '=', 'indicators.id')
          .where('quantities.kind', '=', 'target')
          .as('targets'),
        eb
          .selectFrom('quantities')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('quantities.indicator_id', '=', 'indicators.id')
          .where('quantities.kind', '=', 'result')
          .as('results'),
      ])
      .orderBy('indicators.name')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const aliases = rows.length
    ? await store.db
        .selectFrom('indicator_aliases')
        .select(['indicator_id', 'alias'])
        .where(
          'indicator_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      unit: r.unit,
      direction: r.direction,
      category: r.category,
      aliases: aliases.filter((a) => a.indicator_id === r.id).map((a) => a.alias),
      targets: Number(r.targets ?? 0),
      results: Number(r.results ?? 0),
    })),
    total: Number(count.n),
  };
}

/** Folds `fromId` into `intoId`: its values and aliases move; the old one points at the new. */
export async function mergeIndicators(
  store: Store,
  user: User,
  fromId: number,
  intoId: number,
  now: string,
): Promise<void> {
  if (user.role !== 'admin' && user.role !== 'office')
    throw new AppError('forbidden', 'Chỉ văn phòng được gộp chỉ số. (Only the office merges indicators.)');
  if (fromId === intoId)
    throw new AppError('invalid', 'Không thể gộp một chỉ số vào chính nó. (Cannot merge into itself.)');
  await store.db.transaction().execute(async (trx) => {
    const [from, into] = await Promise.all([
      trx.selectFrom('indicators').selectAll().where('id', '=', fromId).executeTakeFirst(),
      trx.selectFrom('indicators').selectAll().where('id', '=', intoId).executeTakeFirst(),
    ]);
    if (!from || !into)
      throw new AppError('not-found', `Không có chỉ số #${!from ? fromId : intoId}. (No such indicator.)`);
    if (into.merged_into_id !== null)
      throw new AppError('invalid', `Chỉ số #${intoId} đã được gộp vào chỉ số khác. (Already merged.)`);
    await trx
      .updateTable('quantities')
      .set({ indicator_id: intoId })
      .where('indicator_id', '=', fromId)
      .execute();
    const existing = new Set(
      (
        await trx
          .selectFrom('indicator_aliases')
          .select('alias_folded')
          .where('indicator_id', '=', intoId)
          .execute()
      ).map((a) => a.alias_folded),
    );
    const moving = await trx
      .selectFrom('indicator_aliases')
      .selectAll()
      .where('indicator_id', '=', fromId)
      .execute();
    const toAdd = [
      ...moving.map((a) => ({ alias: a.alias, folded: a.alias_folded })),
      { alias: from.name, folded: fold(from.name) },
    ].filter((a, i, all) => !existing.has(a.folded) && all.findIndex((b) => b.folded === a.folded) === i);
    await trx.deleteFrom('indicator_aliases').where('indicator_id', '=', fromId).execute();
    if (toAdd.length > 0) {
      await trx
        .insertInto('indicator_aliases')
        .values(toAdd.map((a) => ({ indicator_id: intoId, alias: a.alias, alias_folded: a.folded })))
        .execute();
    }
    await trx.updateTable('indicators').set({ merged_into_id: intoId }).where('id', '=', fromId).execute();
    await audit(trx, {
      userId: user.id,
      entity: 'indicator',
      entityId: fromId,
      action: 'merge',
      before: { id: fromId },
      after: { mergedInto: intoId },
      at: now,
    });
  });
}

export interface NewIndicator {
  readonly name: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower';
  readonly category?: string | null | undefined;
  readonly aliases?: readonly string[] | undefined;
}

/** A new catalogued indicator, e.g. for a target no existing indicator covers. */
export async function createIndicator(
  store: Store,
  user: User,
  input: NewIndicator,
  now: string,
): Promise<number> {
  if (user.role !== 'admin' && user.role !== 'office')
    throw new AppError('forbidden', 'Chỉ văn phòng được tạo chỉ số. (Only the office creates indicators.)');
  const name = input.name.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = fold(name);
  if (!folded)
    throw new AppError('invalid', 'Tên chỉ số không được trống. (The name is empty.)', { field: 'name' });
  return store.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('indicators')
      .select(['id', 'name'])
      .where('name_folded', '=', folded)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    if (clash)
      throw new AppError('conflict', `Chỉ số "${clash.name}" (#${clash.id}) đã có. (The indicator exists.)`, {
        existingId: clash.id,
      });
    const row = await trx
      .insertInto('indicators')
      .values({
        name,
        name_folded: folded,
        unit: input.unit,
        direction: input.direction,
        category: input.category ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const aliases = [...new Map((input.aliases ?? []).map((a) => [fold(a), a.trim()])).entries()].filter(
      ([f]) => f && f !== folded,
    );
    if (aliases.length > 0) {
      await trx
        .insertInto('indicator_aliases')
        .values(aliases.map(([f, a]) => ({ indicator_id: row.id, alias: a, alias_folded: f })))
        .execute();
    }
    await audit(trx, {
      userId: user.id,
      entity: 'indicator',
      entityId: row.id,
      action: 'create',
      after: input,
      at: now,
    });
    return row.id;
  });
}

export interface IndicatorSuggestion {
  readonly indicatorId: number;
  readonly name: string;
}

/**
 * Indicators an extracted indicator text may mean: those with an alias (a name earlier
 * directives used) found inside the text, longest alias first.
 */
export async function suggestIndicators(
  store: Store,
  texts: readonly string[],
): Promise<Map<string, IndicatorSuggestion[]>> {
  const aliases = await store.db
    .selectFrom('indicator_aliases')
    .innerJoin('indicators', 'indicators.id', 'indicator_aliases.indicator_id')
    .select(['indicators.id', 'indicators.name', 'indicator_aliases.alias_folded'])
    .where('indicators.merged_into_id', 'is', null)
    .execute();
  const byLength = [...aliases].sort((a, b) => b.alias_folded.length - a.alias_folded.length);
  const out = new Map<string, IndicatorSuggestion[]>();
  for (const text of texts) {
    const folded = ` ${fold(text)} `;
    const found: IndicatorSuggestion[] = [];
    for (const a of byLength) {
      if (a.alias_folded.length < 3 || !folded.includes(` ${a.alias_folded} `)) continue;
      if (!found.some((f) => f.indicatorId === a.id)) found.push({ indicatorId: a.id, name: a.name });
      if (found.length === 3) break;
    }
    out.set(text, found);
  }
  return out;
}
