import { describe, expect, it } from 'vitest';
import { attainment } from './attainment.js';
import { convertValue } from './units.js';

const pct = (value: number) => ({ value, unit: '%' });

describe('target attainment', () => {
  it('meets a growth range when the actual reaches its low end', () => {
    const plan = { op: 'range', lo: 7.5, hi: 8, unit: '%' } as const;
    expect(attainment(plan, pct(7.6))).toEqual({ status: 'met', percentOfPlan: 101.3 });
    expect(attainment(plan, pct(7.2))).toMatchObject({ status: 'not_met', percentOfPlan: 96 });
  });

  it('reads bounds exactly as written', () => {
    expect(attainment({ op: 'gt', lo: 8, hi: null, unit: '%' }, pct(8)).status).toBe('not_met');
    expect(attainment({ op: 'gte', lo: 50, hi: null, unit: '%' }, pct(50)).status).toBe('met');
    expect(attainment({ op: 'lt', lo: null, hi: 1, unit: '%' }, pct(1)).status).toBe('not_met');
    expect(attainment({ op: 'lte', lo: null, hi: 1, unit: '%' }, pct(1)).status).toBe('met');
  });

  it('meets a lower-is-better value when the actual stays at or under it, without a percent of plan', () => {
    const poverty = { op: 'eq', lo: 0.71, hi: 0.71, unit: '%' } as const;
    expect(attainment(poverty, pct(0.65), 'lower')).toEqual({ status: 'met', percentOfPlan: null });
    expect(attainment(poverty, pct(0.8), 'lower').status).toBe('not_met');
    expect(attainment(poverty, pct(0.65), 'higher').status).toBe('not_met');
  });

  it('allows a little slack for "about"', () => {
    const plan = { op: 'about', lo: 100, hi: 100, unit: 'ha' } as const;
    expect(attainment(plan, { value: 96, unit: 'ha' }).status).toBe('met');
    expect(attainment(plan, { value: 94, unit: 'ha' }).status).toBe('not_met');
  });

  it('compares values across scale words and refuses different units', () => {
    const plan = { op: 'eq', lo: 7, hi: 7, unit: 'tỷ USD' } as const;
    expect(attainment(plan, { value: 5800, unit: 'triệu USD' })).toMatchObject({
      status: 'not_met',
      percentOfPlan: 82.9,
    });
    expect(attainment(plan, { value: 5.8, unit: '%' })).toMatchObject({
      status: 'no_data',
      reason: 'unit-mismatch',
    });
  });

  it('has no data without an actual', () => {
    expect(attainment({ op: 'eq', lo: 1, hi: 1, unit: '%' }, null)).toMatchObject({
      status: 'no_data',
      reason: 'no-actual',
    });
  });
});

describe('units', () => {
  it('scale money and people by their scale words', () => {
    expect(convertValue(33.1, 'nghìn tỷ đồng', 'tỷ đồng')).toBeCloseTo(33100);
    expect(convertValue(2.45, 'vạn lao động', 'lao động')).toBeCloseTo(24500);
    expect(convertValue(9.3, 'bác sỹ/vạn dân', 'bác sỹ/vạn dân')).toBe(9.3);
    expect(convertValue(1, 'ha', 'km')).toBeNull();
  });
});
