/**
 * Reporting periods (kỳ báo cáo): a year `2024`, a half year `2024-H1`, a quarter `2026-Q1`,
 * a month `2025-02`, or a span of years `2021-2025` (a plan's term). Each is a closed range of
 * calendar days; containment and ordering follow from the ranges.
 */

import { daysBetween, daysInMonth } from './calendar.js';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'span';

export interface Period {
  readonly key: string;
  readonly kind: PeriodKind;
  /** First day, `YYYY-MM-DD`. */
  readonly start: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly end: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function monthRange(year: number, first: number, last: number): { start: string; end: string } {
  return {
    start: `${year}-${pad2(first)}-01`,
    end: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}`,
  };
}

const validYear = (y: number): boolean => y >= MIN_YEAR && y <= MAX_YEAR;

/** Reads a period key; null when it is not one (the caller says what was expected). */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? { key, kind: 'year', ...monthRange(y, 1, 12) } : null;
  }
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    return validYear(y) ? { key, kind: 'half', ...monthRange(y, h * 6 - 5, h * 6) } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return validYear(y) ? { key, kind: 'quarter', ...monthRange(y, q * 3 - 2, q * 3) } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo >= 1 && mo <= 12 && validYear(y)) return { key, kind: 'month', ...monthRange(y, mo, mo) };
    return null;
  }
  m = /^(\d{4})-(\d{4})$/.exec(key);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (!validYear(a) || !validYear(b) || b <= a) return null;
    return { key, kind: 'span', start: `${a}-01-01`, end: `${b}-12-31` };
  }
  return null;
}

export function isPeriodKey(key: string): boolean {
  return parsePeriod(key) !== null;
}

/** True when every day of `inner` lies in `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the day `YYYY-MM-DD` lies in the period. */
export function periodContainsDay(period: Period, day: string): boolean {
  return period.start <= day && day <= period.end;
}

const KIND_ORDER: Record<PeriodKind, number> = { span: 0, year: 1, half: 2, quarter: 3, month: 4 };

/**
 * Chronological order: by start day, then the longer period first (2024 before 2024-H1 before
 * 2024-Q1 before 2024-01), then by key.
 */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end > b.end ? -1 : 1;
  const k = KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  if (k !== 0) return k;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The quarter, half year, month or year that contains `day` (for "the current period"). */
export function periodOfDay(day: string, kind: Exclude<PeriodKind, 'span'>): Period {
  const y = Number(day.slice(0, 4));
  const mo = Number(day.slice(5, 7));
  const key =
    kind === 'year'
      ? `${y}`
      : kind === 'half'
        ? `${y}-H${mo <= 6 ? 1 : 2}`
        : kind === 'quarter'
          ? `${y}-Q${Math.ceil(mo / 3)}`
          : `${y}-${pad2(mo)}`;
  const period = parsePeriod(key);
  if (!period) throw new RangeError(`not a day: ${day}`);
  return period;
}

/** Share of the period's days that have passed by `day` (0 before it starts, 1 after it ends). */
export function elapsedShare(period: Period, day: string): number {
  if (day < period.start) return 0;
  if (day >= period.end) return 1;
  const total = daysBetween(period.start, period.end) + 1;
  return (daysBetween(period.start, day) + 1) / total;
}
