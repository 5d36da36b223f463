import { describe, expect, it } from 'vitest';
import { addDays, dayFromNumber, dayNumber, isIsoDay } from './calendar.js';
import {
  comparePeriods,
  elapsedShare,
  parsePeriod,
  periodContains,
  periodContainsDay,
  periodOfDay,
} from './period.js';

const p = (key: string) => {
  const period = parsePeriod(key);
  if (!period) throw new Error(`bad period ${key}`);
  return period;
};

describe('periods', () => {
  it('read years, half years, quarters, months and spans as ranges of days', () => {
    expect(p('2024')).toMatchObject({ kind: 'year', start: '2024-01-01', end: '2024-12-31' });
    expect(p('2024-H1')).toMatchObject({ kind: 'half', start: '2024-01-01', end: '2024-06-30' });
    expect(p('2026-Q1')).toMatchObject({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
    expect(p('2024-02')).toMatchObject({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
    expect(p('2021-2025')).toMatchObject({ kind: 'span', start: '2021-01-01', end: '2025-12-31' });
  });

  it('refuse what is not a period', () => {
    for (const key of [
      '2024-Q5',
      '2024-H3',
      '2024-13',
      '2024-00',
      '24',
      '2025-2021',
      'năm 2024',
      '',
      '9999',
    ]) {
      expect(parsePeriod(key), key).toBeNull();
    }
  });

  it('contain the periods inside them', () => {
    expect(periodContains(p('2024'), p('2024-H1'))).toBe(true);
    expect(periodContains(p('2024-H1'), p('2024-Q2'))).toBe(true);
    expect(periodContains(p('2024-H1'), p('2024-Q3'))).toBe(false);
    expect(periodContains(p('2021-2025'), p('2024-03'))).toBe(true);
    expect(periodContains(p('2024-Q1'), p('2024'))).toBe(false);
    expect(periodContainsDay(p('2026-Q1'), '2026-03-31')).toBe(true);
    expect(periodContainsDay(p('2026-Q1'), '2026-04-01')).toBe(false);
  });

  it('sort chronologically, the longer period first when they start together', () => {
    const keys = ['2024-Q1', '2025', '2024-01', '2024', '2023', '2024-H1', '2021-2025', '2024-Q2'];
    expect(
      keys
        .map(p)
        .sort(comparePeriods)
        .map((x) => x.key),
    ).toEqual(['2021-2025', '2023', '2024', '2024-H1', '2024-Q1', '2024-01', '2024-Q2', '2025']);
  });

  it('name the quarter, half and month a day falls in', () => {
    expect(periodOfDay('2026-05-15', 'quarter').key).toBe('2026-Q2');
    expect(periodOfDay('2026-07-01', 'half').key).toBe('2026-H2');
    expect(periodOfDay('2026-07-01', 'month').key).toBe('2026-07');
  });

  it('measure how much of a period has passed', () => {
    expect(elapsedShare(p('2026'), '2025-12-31')).toBe(0);
    expect(elapsedShare(p('2026'), '2027-01-01')).toBe(1);
    expect(elapsedShare(p('2026-Q1'), '2026-02-14')).toBeCloseTo(45 / 90, 5);
  });
});

describe('calendar days', () => {
  it('count days across months, leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    for (let n = -700_000; n <= 2_900_000; n += 9_973) expect(dayNumber(dayFromNumber(n))).toBe(n);
  });

  it('know which days exist', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2024-05-51')).toBe(false);
  });
});
