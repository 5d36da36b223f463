/**
 * Calendar arithmetic for the extractor, done by hand so the pure layer never needs `Date`:
 * ISO dates, the last day of a month, quarter or half year, and Roman numerals.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Whether a year is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The ISO date `YYYY-MM-DD`, or null when the day cannot exist (51/5/2024, 30/2, month 13)
 * or the year is outside 1900–2100.
 *
 * @example isoDate(2024, 2, 29) // '2024-02-29'
 */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The ISO date of the last day of a month, or null when the month or year is not valid. */
export function lastDayOfMonth(year: number, month: number): string | null {
  return isoDate(year, month, daysInMonth(year, month));
}

/** The ISO date of the last day of a quarter (1–4): quý II 2026 → 2026-06-30. */
export function lastDayOfQuarter(year: number, quarter: number): string | null {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) return null;
  return lastDayOfMonth(year, quarter * 3);
}

/** The ISO date of the last day of a half year (1 or 2): 6 tháng đầu năm 2024 → 2024-06-30. */
export function lastDayOfHalf(year: number, half: number): string | null {
  if (half !== 1 && half !== 2) return null;
  return lastDayOfMonth(year, half * 6);
}

/** The ISO date of the last day of a year. */
export function lastDayOfYear(year: number): string | null {
  return isoDate(year, 12, 31);
}

/** The ISO date of the day before a valid day, or null ("trước tháng 6/2025" ends on 31/5). */
export function dayBefore(year: number, month: number, day: number): string | null {
  if (isoDate(year, month, day) === null) return null;
  if (day > 1) return isoDate(year, month, day - 1);
  if (month > 1) return lastDayOfMonth(year, month - 1);
  return isoDate(year - 1, 12, 31);
}

const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Reads a Roman numeral (I–MMMCMXCIX, any case) as an integer; null when it is not one
 * written in the standard form ("IIII", "IC" and "" are not).
 *
 * @example romanToInt('XIV') // 14
 */
export function romanToInt(roman: string): number | null {
  const s = roman.trim().toUpperCase();
  if (
    s.length === 0 ||
    s.length > 15 ||
    !/^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(s)
  ) {
    return null;
  }
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const value = ROMAN_VALUES[s.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[s.charAt(i + 1)] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
