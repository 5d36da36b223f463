import { describe, expect, it } from 'vitest';
import { readPeriods, yearOfPeriod } from './read-periods.js';

const periods = (s: string, year: number | null = null) => readPeriods(s, year).map((p) => p.period);

describe('readPeriods', () => {
  it('reads "năm 2024" as 2024', () => {
    expect(periods('kế hoạch vốn đầu tư công năm 2024')).toEqual(['2024']);
  });
  it('reads "6 tháng đầu năm 2024" as 2024-H1 and "6 tháng cuối năm 2024" as 2024-H2', () => {
    expect(periods('trong 6 tháng đầu năm 2024')).toEqual(['2024-H1']);
    expect(periods('nhiệm vụ 6 tháng cuối năm 2024')).toEqual(['2024-H2']);
  });
  it('reads "quý I năm 2026" as 2026-Q1 and "quý II" with the context year', () => {
    expect(periods('kết quả quý I năm 2026')).toEqual(['2026-Q1']);
    expect(periods('đạt 50% trong quý II', 2026)).toEqual(['2026-Q2']);
  });
  it('reads "tháng 3/2025" as 2025-03', () => {
    expect(periods('hoàn thành trong tháng 3/2025')).toEqual(['2025-03']);
  });
  it('reads "giai đoạn 2026 - 2030" as the span 2026-2030', () => {
    expect(periods('kế hoạch giai đoạn 2026 - 2030')).toEqual(['2026-2030']);
  });
  it('gives cumulative months ("9 tháng năm 2024") no period form', () => {
    expect(periods('9 tháng năm 2024')).toEqual([null]);
  });
  it('leaves out comparison bases and horizons', () => {
    expect(periods('tăng 10% so với cùng kỳ năm 2025')).toEqual([]);
    expect(periods('tầm nhìn đến năm 2045')).toEqual([]);
    expect(periods('nhiệm kỳ 2020 - 2025')).toEqual([]);
  });
  it('takes the last year of a period', () => {
    expect(yearOfPeriod('2026-2030')).toBe(2030);
    expect(yearOfPeriod('2024-H1')).toBe(2024);
    expect(yearOfPeriod(null)).toBeNull();
  });
});
