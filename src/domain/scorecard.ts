import type { Period } from './period.js';

/**
 * Scorecards (xếp loại): per unit and period, how the unit did on the tasks it leads, its
 * reports and its targets, and a ranking. The formula is shown to users as is:
 *
 *   tasks due     = tasks led by the unit with a deadline in the period, plus earlier ones
 *                   still open when the period began (carried over)
 *   on time       = of those, completed by their deadline (and by the period's end)
 *   late          = completed after the deadline, by the period's end
 *   overdue       = not completed, deadline passed by the period's end (or by today, if sooner)
 *   score (0–100) = 50 × on-time rate + 20 × (1 − overdue rate) + 20 × report timeliness
 *                   + 10 × targets met rate; a part with nothing to measure is left out and the
 *                   others are scaled up to 100.
 *   rank          = by score, highest first; equal scores share a rank (1, 2, 2, 4).
 */
export const SCORE_WEIGHTS = { onTime: 50, notOverdue: 20, reports: 20, targets: 10 } as const;

export interface ScoredTask {
  readonly deadline: string | null;
  readonly completedAt: string | null;
}

export interface ReportRecord {
  /** Submission deadline of the report owed in the period. */
  readonly due: string;
  /** First submission day, or null when not submitted. */
  readonly submittedOn: string | null;
}

export interface UnitInput {
  readonly unitId: number;
  readonly name: string;
  readonly tasks: readonly ScoredTask[];
  readonly reports: readonly ReportRecord[];
  readonly targetsMet: number;
  readonly targetsAssessed: number;
}

export interface Scorecard {
  readonly unitId: number;
  readonly name: string;
  readonly tasksDue: number;
  readonly completedOnTime: number;
  readonly completedLate: number;
  readonly overdue: number;
  readonly onTimeRate: number | null;
  readonly reportsDue: number;
  readonly reportsOnTime: number;
  readonly reportsLate: number;
  readonly reportsMissing: number;
  readonly reportTimeliness: number | null;
  readonly targetsMet: number;
  readonly targetsAssessed: number;
  readonly score: number | null;
  readonly rank: number | null;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export function scoreUnit(unit: UnitInput, period: Period, today: string): Omit<Scorecard, 'rank'> {
  const cutoff = today < period.end ? today : period.end;
  const due = unit.tasks.filter(
    (t) =>
      t.deadline !== null &&
      t.deadline <= period.end &&
      (t.deadline >= period.start || t.completedAt === null || t.completedAt >= period.start),
  );
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const t of due) {
    if (t.completedAt !== null && t.completedAt <= period.end) {
      if (t.completedAt <= (t.deadline as string)) onTime++;
      else late++;
    } else if ((t.deadline as string) < cutoff) overdue++;
  }
  let reportsOnTime = 0;
  let reportsLate = 0;
  let reportsMissing = 0;
  for (const r of unit.reports) {
    if (r.submittedOn === null) {
      if (r.due < cutoff) reportsMissing++;
    } else if (r.submittedOn <= r.due) reportsOnTime++;
    else reportsLate++;
  }
  const reportsCounted = reportsOnTime + reportsLate + reportsMissing;
  const parts: [number, number | null][] = [
    [SCORE_WEIGHTS.onTime, due.length > 0 ? onTime / due.length : null],
    [SCORE_WEIGHTS.notOverdue, due.length > 0 ? 1 - overdue / due.length : null],
    [SCORE_WEIGHTS.reports, reportsCounted > 0 ? reportsOnTime / reportsCounted : null],
    [SCORE_WEIGHTS.targets, unit.targetsAssessed > 0 ? unit.targetsMet / unit.targetsAssessed : null],
  ];
  const measured = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = measured.reduce((s, [w]) => s + w, 0);
  const score = weight > 0 ? round1((measured.reduce((s, [w, v]) => s + w * v, 0) / weight) * 100) : null;
  return {
    unitId: unit.unitId,
    name: unit.name,
    tasksDue: due.length,
    completedOnTime: onTime,
    completedLate: late,
    overdue,
    onTimeRate: due.length > 0 ? round1((onTime / due.length) * 100) : null,
    reportsDue: unit.reports.length,
    reportsOnTime,
    reportsLate,
    reportsMissing,
    reportTimeliness: reportsCounted > 0 ? round1((reportsOnTime / reportsCounted) * 100) : null,
    targetsMet: unit.targetsMet,
    targetsAssessed: unit.targetsAssessed,
    score,
  };
}

/** Scorecards of all units, ranked; units with nothing to measure come last, unranked. */
export function rankUnits(units: readonly UnitInput[], period: Period, today: string): Scorecard[] {
  const cards = units.map((u) => scoreUnit(u, period, today));
  const scored = cards
    .filter((c) => c.score !== null)
    .sort((a, b) => (b.score as number) - (a.score as number) || a.name.localeCompare(b.name, 'vi'));
  const ranked: Scorecard[] = [];
  scored.forEach((card, i) => {
    const previous = ranked[i - 1];
    const rank = previous && previous.score === card.score ? (previous.rank as number) : i + 1;
    ranked.push({ ...card, rank });
  });
  const unscored = cards
    .filter((c) => c.score === null)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((c) => ({ ...c, rank: null }));
  return [...ranked, ...unscored];
}
