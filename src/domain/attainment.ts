import { convertValue } from './units.js';

export type Op = 'eq' | 'about' | 'range' | 'gt' | 'gte' | 'lt' | 'lte';

/** Whether more of the indicator is better (GRDP growth) or less (poverty rate "còn 0,71%"). */
export type Direction = 'higher' | 'lower';

export interface Plan {
  readonly op: Op;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly unit: string;
}

export interface Actual {
  readonly value: number;
  readonly unit: string;
}

export type AttainmentStatus = 'met' | 'not_met' | 'no_data';

export interface Attainment {
  readonly status: AttainmentStatus;
  /** Actual as a percentage of the plan figure, for higher-is-better plans; else null. */
  readonly percentOfPlan: number | null;
  /** Why there is no judgement: no actual yet, or the units measure different things. */
  readonly reason?: 'no-actual' | 'unit-mismatch' | 'no-plan-value';
}

/** "khoảng v" (about) is met within this share of v, on the indicator's bad side. */
export const ABOUT_TOLERANCE = 0.05;

/**
 * Judges an actual against a plan. Bounds (gt, gte, lt, lte) are met exactly as written. A
 * value (eq) or a range is met when the actual reaches it in the indicator's good direction:
 * at least the value (or the range's low end) when higher is better, at most the value (or the
 * range's high end) when lower is better. "About" allows ABOUT_TOLERANCE on the bad side.
 * Percent of plan = actual ÷ plan figure × 100 (the range's low end, the bound), for
 * higher-is-better plans only; "còn 0,71%" reached as 0,8% is not "113% of plan".
 */
export function attainment(plan: Plan, actual: Actual | null, direction: Direction = 'higher'): Attainment {
  if (actual === null) return { status: 'no_data', percentOfPlan: null, reason: 'no-actual' };
  const value = convertValue(actual.value, actual.unit, plan.unit);
  if (value === null) return { status: 'no_data', percentOfPlan: null, reason: 'unit-mismatch' };
  const { lo, hi } = plan;
  let met: boolean;
  switch (plan.op) {
    case 'gt':
      if (lo === null) return noPlan();
      met = value > lo;
      break;
    case 'gte':
      if (lo === null) return noPlan();
      met = value >= lo;
      break;
    case 'lt':
      if (hi === null) return noPlan();
      met = value < hi;
      break;
    case 'lte':
      if (hi === null) return noPlan();
      met = value <= hi;
      break;
    case 'eq':
    case 'about': {
      const v = lo ?? hi;
      if (v === null) return noPlan();
      const slack = plan.op === 'about' ? Math.abs(v) * ABOUT_TOLERANCE : 0;
      met = direction === 'higher' ? value >= v - slack : value <= v + slack;
      break;
    }
    case 'range':
      if (lo === null || hi === null) return noPlan();
      met = direction === 'higher' ? value >= lo : value <= hi;
      break;
  }
  const reference = plan.op === 'lt' || plan.op === 'lte' ? hi : (lo ?? hi);
  const percentOfPlan =
    direction === 'higher' && reference !== null && reference > 0
      ? round((value / reference) * 100, 1)
      : null;
  return { status: met ? 'met' : 'not_met', percentOfPlan };
}

function noPlan(): Attainment {
  return { status: 'no_data', percentOfPlan: null, reason: 'no-plan-value' };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
