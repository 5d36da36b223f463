import { attainment } from '../domain/attainment.js';
import { comparePeriods, parsePeriod, periodContains, type Period } from '../domain/period.js';
import { WATCH_ORDER, watchColour, type WatchColour } from '../domain/watch.js';
import type { Store } from '../store/db.js';
import { AppError } from './errors.js';

export interface WatchRow {
  readonly indicatorId: number;
  readonly indicator: string;
  readonly category: string | null;
  readonly direction: 'higher' | 'lower';
  readonly targetId: number;
  readonly targetPeriod: string;
  readonly plan: {
    readonly op: string;
    readonly lo: number | null;
    readonly hi: number | null;
    readonly raw: string;
    readonly unit: string;
  };
  readonly directiveNumber: string | null;
  readonly latest: {
    readonly value: number;
    readonly raw: string;
    readonly unit: string;
    readonly period: string;
  } | null;
  readonly percentOfPlan: number | null;
  readonly status: 'met' | 'not_met' | 'no_data';
  readonly colour: WatchColour;
}

/**
 * The target table for a period with its watch colours: each indicator's live target for the
 * period (the latest adjustment), the latest province-wide actual within it, percent of plan,
 * status and colour — red first. See src/domain/watch.ts for the colour rule.
 */
export async function watchTable(store: Store, periodKey: string): Promise<WatchRow[]> {
  const period = parsePeriod(periodKey);
  if (!period)
    throw new AppError('invalid', `"${periodKey}" không phải kỳ. (Not a period.)`, { field: 'period' });
  const rows = await store.db
    .selectFrom('quantities as q')
    .innerJoin('indicators as i', 'i.id', 'q.indicator_id')
    .leftJoin('directives as d', 'd.id', 'q.directive_id')
    .select([
      'q.id',
      'q.kind',
      'q.op',
      'q.lo',
      'q.hi',
      'q.raw',
      'q.unit',
      'q.period',
      'q.adjusts_id',
      'q.indicator_id',
      'i.name',
      'i.category',
      'i.direction',
      'd.number',
      'd.status',
    ])
    .where('q.scope_unit_id', 'is', null)
    .where('q.period', 'is not', null)
    .execute();
  const live = rows.filter((r) => r.number === null || r.status === 'confirmed');
  const adjusted = new Set(live.map((r) => r.adjusts_id).filter((x): x is number => x !== null));
  const out: WatchRow[] = [];
  for (const t of live) {
    if (t.kind !== 'target' || adjusted.has(t.id) || t.indicator_id === null) continue;
    const tp = parsePeriod(t.period ?? '');
    if (!tp || !periodContains(tp, period)) continue;
    const actuals = live
      .filter((a) => a.kind === 'result' && a.indicator_id === t.indicator_id && a.lo !== null)
      .map((a) => ({ a, p: parsePeriod(a.period ?? '') }))
      .filter(
        (x): x is { a: (typeof live)[number]; p: Period } =>
          x.p !== null && periodContains(tp, x.p) && x.p.end <= period.end,
      )
      .sort((x, y) => comparePeriods(x.p, y.p) || (x.p.end < y.p.end ? -1 : 1));
    const latest = actuals.at(-1);
    const plan = { op: t.op as 'eq', lo: t.lo, hi: t.hi, unit: t.unit };
    const reading = watchColour({
      ...plan,
      direction: t.direction,
      targetPeriod: tp,
      actual: latest ? { value: latest.a.lo as number, unit: latest.a.unit, period: latest.p } : null,
    });
    const judged =
      latest && latest.p.end >= tp.end
        ? attainment(plan, { value: latest.a.lo as number, unit: latest.a.unit }, t.direction)
        : null;
    out.push({
      indicatorId: t.indicator_id,
      indicator: t.name,
      category: t.category,
      direction: t.direction,
      targetId: t.id,
      targetPeriod: tp.key,
      plan: { op: t.op, lo: t.lo, hi: t.hi, raw: t.raw, unit: t.unit },
      directiveNumber: t.number,
      latest: latest
        ? { value: latest.a.lo as number, raw: latest.a.raw, unit: latest.a.unit, period: latest.p.key }
        : null,
      percentOfPlan: latest
        ? attainment(plan, { value: latest.a.lo as number, unit: latest.a.unit }, t.direction).percentOfPlan
        : null,
      // A plan is met or not once the actual covers its whole period; before that it is pending.
      status: judged ? judged.status : 'no_data',
      colour: reading.colour,
    });
  }
  // A directive often states the same target twice (in the summary and in its section): show it once.
  const seen = new Set<string>();
  const unique = out.filter((r) => {
    const key = `${r.indicatorId}|${r.targetPeriod}|${r.plan.op}|${r.plan.lo}|${r.plan.hi}|${r.plan.unit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => WATCH_ORDER[a.colour] - WATCH_ORDER[b.colour] || a.indicator.localeCompare(b.indicator, 'vi'),
  );
}
