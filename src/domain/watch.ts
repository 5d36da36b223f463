import type { Direction, Op } from './attainment.js';
import { attainment } from './attainment.js';
import { daysBetween } from './calendar.js';
import type { Period } from './period.js';
import { convertValue } from './units.js';

/**
 * The indicator watch colour for a period, as city dashboards show it:
 *
 * - grey   — not yet assessable: no actual yet, or the latest actual covers less than a quarter
 *            of the target's period (e.g. yearly data in the first months);
 * - green  — met, or on track: the actual reaches the plan pro rata;
 * - orange — needs attention: within 10% of the pro-rata plan;
 * - red    — at risk of missing the plan: further behind (listed first).
 *
 * Pro rata: for a rate ("%", per-population units) the plan applies to any part of the period
 * as is; for an amount (tỷ đồng, ha, lao động) the expected value is the plan × the share of
 * the period the actual covers. Lower-is-better indicators compare the other way round.
 */
export type WatchColour = 'red' | 'orange' | 'green' | 'grey';

export const WATCH_ORDER: Record<WatchColour, number> = { red: 0, orange: 1, green: 2, grey: 3 };
export const ATTENTION_MARGIN = 0.1;
export const MIN_COVERED_SHARE = 0.25;

export interface WatchInput {
  readonly op: Op;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly unit: string;
  readonly direction: Direction;
  readonly targetPeriod: Period;
  /** The latest actual and the period it covers (within the target's period). */
  readonly actual: { readonly value: number; readonly unit: string; readonly period: Period } | null;
}

export interface WatchReading {
  readonly colour: WatchColour;
  /** Actual ÷ pro-rata plan (inverted for lower-is-better), when assessable. */
  readonly ratio: number | null;
  readonly expected: number | null;
}

export function isRateUnit(unit: string): boolean {
  return unit.trim() === '%' || unit.includes('/');
}

export function watchColour(input: WatchInput): WatchReading {
  const { actual, targetPeriod } = input;
  if (!actual) return { colour: 'grey', ratio: null, expected: null };
  const value = convertValue(actual.value, actual.unit, input.unit);
  if (value === null) return { colour: 'grey', ratio: null, expected: null };
  const total = daysBetween(targetPeriod.start, targetPeriod.end) + 1;
  const coveredEnd = actual.period.end < targetPeriod.end ? actual.period.end : targetPeriod.end;
  const share = Math.min(1, Math.max(0, (daysBetween(targetPeriod.start, coveredEnd) + 1) / total));
  if (share < MIN_COVERED_SHARE) return { colour: 'grey', ratio: null, expected: null };
  const planValue = input.op === 'lt' || input.op === 'lte' ? input.hi : (input.lo ?? input.hi);
  if (planValue === null) return { colour: 'grey', ratio: null, expected: null };
  const rate = isRateUnit(input.unit);
  const expected = rate ? planValue : planValue * share;
  if (share >= 1 || rate) {
    const judged = attainment(
      { op: input.op, lo: input.lo, hi: input.hi, unit: input.unit },
      { value, unit: input.unit },
      input.direction,
    );
    if (judged.status === 'met')
      return { colour: 'green', ratio: ratioOf(value, expected, input.direction), expected };
  }
  const ratio = ratioOf(value, expected, input.direction);
  if (ratio === null) return { colour: 'grey', ratio: null, expected };
  if (ratio >= 1) return { colour: share >= 1 && !rate ? 'orange' : 'green', ratio, expected };
  return { colour: ratio >= 1 - ATTENTION_MARGIN ? 'orange' : 'red', ratio, expected };
}

function ratioOf(value: number, expected: number, direction: Direction): number | null {
  if (direction === 'higher') return expected > 0 ? Math.round((value / expected) * 1000) / 1000 : null;
  return value > 0 ? Math.round((expected / value) * 1000) / 1000 : null;
}
