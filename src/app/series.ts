import { comparePeriods, parsePeriod } from '../domain/period.js';
import type { Store } from '../store/db.js';
import { AppError } from './errors.js';

export interface SeriesPoint {
  readonly quantityId: number;
  readonly kind: 'target' | 'result';
  readonly period: string | null;
  readonly op: string;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly raw: string;
  readonly unit: string;
  readonly directiveId: number | null;
  readonly directiveNumber: string | null;
  readonly directiveStatus: string | null;
  /** The sentence the value was read from, and where it is in the directive's text. */
  readonly text: string;
  readonly span: readonly [number, number] | null;
  /** The earlier target this one adjusts, and the later target that adjusted this one. */
  readonly adjusts: number | null;
  readonly adjustedBy: number | null;
}

/**
 * Every target and result of an indicator across directives, in period order (a year before
 * its halves and quarters; targets before results of the same period).
 */
export async function indicatorSeries(
  store: Store,
  indicatorId: number,
  scopeUnitId: number | null = null,
): Promise<SeriesPoint[]> {
  const indicator = await store.db
    .selectFrom('indicators')
    .select('id')
    .where('id', '=', indicatorId)
    .executeTakeFirst();
  if (!indicator)
    throw new AppError('not-found', `Không có chỉ số #${indicatorId}. (No indicator #${indicatorId}.)`);
  const rows = await store.db
    .selectFrom('quantities as q')
    .leftJoin('directives as d', 'd.id', 'q.directive_id')
    .select([
      'q.id',
      'q.kind',
      'q.period',
      'q.op',
      'q.lo',
      'q.hi',
      'q.raw',
      'q.unit',
      'q.text',
      'q.span_start',
      'q.span_end',
      'q.directive_id',
      'q.adjusts_id',
      'd.number',
      'd.status',
    ])
    .where('q.indicator_id', '=', indicatorId)
    .where('q.scope_unit_id', scopeUnitId === null ? 'is' : '=', scopeUnitId)
    .execute();
  const adjustedBy = new Map(
    rows.filter((r) => r.adjusts_id !== null).map((r) => [r.adjusts_id as number, r.id]),
  );
  const points: SeriesPoint[] = rows.map((r) => ({
    quantityId: r.id,
    kind: r.kind,
    period: r.period,
    op: r.op,
    lo: r.lo,
    hi: r.hi,
    raw: r.raw,
    unit: r.unit,
    directiveId: r.directive_id,
    directiveNumber: r.number,
    directiveStatus: r.status,
    text: r.text,
    span: r.span_start !== null && r.span_end !== null ? [r.span_start, r.span_end] : null,
    adjusts: r.adjusts_id,
    adjustedBy: adjustedBy.get(r.id) ?? null,
  }));
  const order = (p: SeriesPoint) => (p.period ? parsePeriod(p.period) : null);
  return points.sort((a, b) => {
    const pa = order(a);
    const pb = order(b);
    if (pa && pb) {
      const c = comparePeriods(pa, pb);
      if (c !== 0) return c;
    } else if (pa || pb) {
      return pa ? -1 : 1;
    }
    if (a.kind !== b.kind) return a.kind === 'target' ? -1 : 1;
    return a.quantityId - b.quantityId;
  });
}
