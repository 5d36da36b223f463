import { describe, expect, it } from 'vitest';
import { parsePeriod } from './period.js';
import { watchColour } from './watch.js';

const p = (k: string) => parsePeriod(k)!;
const year = p('2026');

describe('the indicator watch colour', () => {
  it('is grey without data, or with data for too little of the period', () => {
    expect(
      watchColour({
        op: 'eq',
        lo: 100,
        hi: 100,
        unit: 'tỷ đồng',
        direction: 'higher',
        targetPeriod: year,
        actual: null,
      }).colour,
    ).toBe('grey');
    const january = { value: 5, unit: 'tỷ đồng', period: p('2026-01') };
    expect(
      watchColour({
        op: 'eq',
        lo: 100,
        hi: 100,
        unit: 'tỷ đồng',
        direction: 'higher',
        targetPeriod: year,
        actual: january,
      }).colour,
    ).toBe('grey');
  });

  it('judges an amount pro rata: half the plan at mid-year is on track', () => {
    const target = {
      op: 'eq' as const,
      lo: 30000,
      hi: 30000,
      unit: 'tỷ đồng',
      direction: 'higher' as const,
      targetPeriod: year,
    };
    const h1 = (value: number) => ({ value, unit: 'tỷ đồng', period: p('2026-H1') });
    expect(watchColour({ ...target, actual: h1(15500) }).colour).toBe('green');
    expect(watchColour({ ...target, actual: h1(14000) }).colour).toBe('orange');
    expect(watchColour({ ...target, actual: h1(12000) }).colour).toBe('red');
    expect(
      watchColour({ ...target, actual: { value: 20.9, unit: 'nghìn tỷ đồng', period: p('2026-H1') } }).colour,
    ).toBe('green');
  });

  it('judges a rate as is, and a lower-is-better rate the other way round', () => {
    const growth = {
      op: 'range' as const,
      lo: 10,
      hi: 10.5,
      unit: '%',
      direction: 'higher' as const,
      targetPeriod: year,
    };
    expect(watchColour({ ...growth, actual: { value: 10.43, unit: '%', period: p('2026-Q1') } }).colour).toBe(
      'grey',
    );
    expect(watchColour({ ...growth, actual: { value: 10.43, unit: '%', period: p('2026-H1') } }).colour).toBe(
      'green',
    );
    expect(watchColour({ ...growth, actual: { value: 9.5, unit: '%', period: p('2026-H1') } }).colour).toBe(
      'orange',
    );
    expect(watchColour({ ...growth, actual: { value: 7, unit: '%', period: p('2026-H1') } }).colour).toBe(
      'red',
    );
    const poverty = {
      op: 'eq' as const,
      lo: 0.71,
      hi: 0.71,
      unit: '%',
      direction: 'lower' as const,
      targetPeriod: year,
    };
    expect(watchColour({ ...poverty, actual: { value: 0.7, unit: '%', period: p('2026') } }).colour).toBe(
      'green',
    );
    expect(watchColour({ ...poverty, actual: { value: 1.2, unit: '%', period: p('2026') } }).colour).toBe(
      'red',
    );
  });
});
