import { describe, expect, it } from 'vitest';
import {
  dayBefore,
  daysInMonth,
  isoDate,
  isLeapYear,
  lastDayOfHalf,
  lastDayOfMonth,
  lastDayOfQuarter,
  lastDayOfYear,
  romanToInt,
} from './calendar.js';

describe('isoDate', () => {
  it('writes a valid day as YYYY-MM-DD with zero padding', () => {
    expect(isoDate(2023, 12, 7)).toBe('2023-12-07');
    expect(isoDate(2025, 3, 1)).toBe('2025-03-01');
  });
  it('accepts 29 February only in leap years (2000 is one, 1900 is not)', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(1900, 2, 29)).toBeNull();
  });
  it('rejects days the calendar does not have: 51/5/2024, 30/2, 31/4, day 0', () => {
    expect(isoDate(2024, 5, 51)).toBeNull();
    expect(isoDate(2024, 2, 30)).toBeNull();
    expect(isoDate(2024, 4, 31)).toBeNull();
    expect(isoDate(2024, 4, 0)).toBeNull();
  });
  it('rejects month 13 and month 0', () => {
    expect(isoDate(2024, 13, 1)).toBeNull();
    expect(isoDate(2024, 0, 1)).toBeNull();
  });
  it('accepts years 1900 to 2100 only', () => {
    expect(isoDate(1900, 1, 1)).toBe('1900-01-01');
    expect(isoDate(2100, 12, 31)).toBe('2100-12-31');
    expect(isoDate(1899, 12, 31)).toBeNull();
    expect(isoDate(2101, 1, 1)).toBeNull();
  });
  it('rejects numbers that are not whole', () => {
    expect(isoDate(2024, 1.5, 1)).toBeNull();
    expect(isoDate(2024, 1, Number.NaN)).toBeNull();
  });
});

describe('month, quarter, half-year and year ends', () => {
  it('knows the length of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2024, 13)).toBe(0);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });
  it('reads "trong tháng 02/2025" as 28/02/2025 and "tháng 02/2024" as 29/02/2024', () => {
    expect(lastDayOfMonth(2025, 2)).toBe('2025-02-28');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 4)).toBe('2025-04-30');
    expect(lastDayOfMonth(2025, 13)).toBeNull();
  });
  it('reads "quý II năm 2026" as 30/06/2026 and each other quarter end', () => {
    expect(lastDayOfQuarter(2026, 2)).toBe('2026-06-30');
    expect([1, 3, 4].map((q) => lastDayOfQuarter(2025, q))).toEqual([
      '2025-03-31',
      '2025-09-30',
      '2025-12-31',
    ]);
    expect(lastDayOfQuarter(2025, 0)).toBeNull();
    expect(lastDayOfQuarter(2025, 5)).toBeNull();
  });
  it('reads "6 tháng đầu năm 2024" as 30/06/2024 and "6 tháng cuối năm" as 31/12', () => {
    expect(lastDayOfHalf(2024, 1)).toBe('2024-06-30');
    expect(lastDayOfHalf(2024, 2)).toBe('2024-12-31');
    expect(lastDayOfHalf(2024, 3)).toBeNull();
  });
  it('reads "trong năm 2026" as 31/12/2026', () => {
    expect(lastDayOfYear(2026)).toBe('2026-12-31');
    expect(lastDayOfYear(3026)).toBeNull();
  });
});

describe('dayBefore', () => {
  it('steps back across months, leap days and years', () => {
    expect(dayBefore(2025, 6, 1)).toBe('2025-05-31');
    expect(dayBefore(2024, 3, 1)).toBe('2024-02-29');
    expect(dayBefore(2025, 1, 1)).toBe('2024-12-31');
    expect(dayBefore(2025, 6, 15)).toBe('2025-06-14');
  });
  it('has no day before a day that does not exist', () => {
    expect(dayBefore(2024, 5, 51)).toBeNull();
  });
});

describe('romanToInt', () => {
  it('reads the numerals of sections, quarters and congresses', () => {
    expect(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV', 'XIX', 'xvii'].map(romanToInt)).toEqual([
      1, 2, 3, 4, 5, 9, 14, 19, 17,
    ]);
    expect(romanToInt('MCMXC')).toBe(1990);
  });
  it('rejects what is not a numeral in the standard form', () => {
    expect(romanToInt('')).toBeNull();
    expect(romanToInt('IIII')).toBeNull();
    expect(romanToInt('IC')).toBeNull();
    expect(romanToInt('ABC')).toBeNull();
    expect(romanToInt('I'.repeat(100_000))).toBeNull();
  });
});
