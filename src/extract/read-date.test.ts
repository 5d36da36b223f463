import { describe, expect, it } from 'vitest';
import { readDateAt, readDates, type DateMention } from './read-date.js';

const one = (text: string, year: number | null = null): DateMention => {
  const found = readDates(text, { year });
  expect(found).toHaveLength(1);
  return found[0] as DateMention;
};

describe('readDates: days', () => {
  it('reads "ngày 07 tháng 12 năm 2023" as 07/12/2023 with its span', () => {
    const m = one('Hưng Yên, ngày 07 tháng 12 năm 2023');
    expect(m).toMatchObject({ kind: 'day', year: 2023, month: 12, day: 7, first: '2023-12-07', valid: true });
    expect(m.span).toEqual([10, 35]);
    expect(m.text).toBe('ngày 07 tháng 12 năm 2023');
  });
  it('reads "ngày 05/12/2023", "05/12/2023", "5-12-2023" and "05.12.2023" alike', () => {
    for (const s of ['ngày 05/12/2023', '05/12/2023', '5-12-2023', '05.12.2023', 'ngày 05 / 12 / 2023']) {
      expect(one(s)).toMatchObject({
        kind: 'day',
        first: '2023-12-05',
        last: '2023-12-05',
        yearStated: true,
      });
    }
  });
  it('reads "ngày 24/3/2022" inside a citation', () => {
    expect(one('Nghị quyết số 21-NQ/TU, ngày 24/3/2022 của Ban Thường vụ').first).toBe('2022-03-24');
  });
  it('reads a day written without a year ("ngày 30/6") with the year given, else with none', () => {
    expect(one('trước ngày 30/6')).toMatchObject({ kind: 'day', year: null, first: null, valid: true });
    expect(one('trước ngày 30/6', 2025)).toMatchObject({
      year: 2025,
      first: '2025-06-30',
      yearStated: false,
    });
    expect(one('ngày 15 tháng 3', 2026).first).toBe('2026-03-15');
  });
  it('keeps an impossible day ("ngày 51/5/2024", "30/02/2025") but marks it invalid', () => {
    expect(one('ngày 51/5/2024')).toMatchObject({ kind: 'day', valid: false, first: null, last: null });
    expect(one('30/02/2025')).toMatchObject({ valid: false, first: null });
    expect(one('ngày 31/4')).toMatchObject({ valid: false });
  });
});

describe('readDates: months, quarters, halves, years and spans', () => {
  it('reads "tháng 02/2025", "tháng 3/2025", "tháng 3-2025" and "tháng 6 năm 2026" as months', () => {
    expect(one('trong tháng 02/2025')).toMatchObject({
      kind: 'month',
      month: 2,
      first: '2025-02-01',
      last: '2025-02-28',
    });
    expect(one('tháng 3/2025').last).toBe('2025-03-31');
    expect(one('tháng 3-2025').last).toBe('2025-03-31');
    expect(one('tháng 6 năm 2026')).toMatchObject({ kind: 'month', year: 2026, last: '2026-06-30' });
  });
  it('reads "tháng 12" without a year with the year given', () => {
    expect(one('trong tháng 12', 2024)).toMatchObject({
      kind: 'month',
      yearStated: false,
      last: '2024-12-31',
    });
    expect(one('trong tháng 12').last).toBeNull();
  });
  it('marks "tháng 13/2025" as an invalid month', () => {
    expect(one('tháng 13/2025')).toMatchObject({ kind: 'month', valid: false, last: null });
  });
  it('reads "quý II năm 2026", "quý I/2026", "Quý 3/2025" and "quý IV" as quarters', () => {
    expect(one('trong quý II năm 2026')).toMatchObject({ kind: 'quarter', quarter: 2, last: '2026-06-30' });
    expect(one('quý I/2026')).toMatchObject({ quarter: 1, first: '2026-01-01', last: '2026-03-31' });
    expect(one('Quý 3/2025')).toMatchObject({ quarter: 3, last: '2025-09-30' });
    expect(one('trong quý IV', 2025)).toMatchObject({ quarter: 4, last: '2025-12-31', yearStated: false });
    expect(one('trong quý IV').last).toBeNull();
  });
  it('does not read "quý" followed by a word as a quarter ("quý Ivan", "ít nhất 1 lần/quý")', () => {
    expect(readDates('quý Ivan')).toEqual([]);
    expect(readDates('ít nhất 1 lần/quý')).toEqual([]);
  });
  it('reads "6 tháng đầu năm 2024" as the first half and "6 tháng cuối năm" as the second', () => {
    expect(one('6 tháng đầu năm 2024')).toMatchObject({ kind: 'half', half: 1, last: '2024-06-30' });
    expect(one('06 tháng cuối năm 2024')).toMatchObject({
      kind: 'half',
      half: 2,
      first: '2024-07-01',
      last: '2024-12-31',
    });
    expect(one('sáu tháng đầu năm', 2025)).toMatchObject({ half: 1, last: '2025-06-30', yearStated: false });
  });
  it('reads "năm 2025" and "Năm 2024" as years', () => {
    expect(one('trong năm 2025')).toMatchObject({
      kind: 'year',
      year: 2025,
      first: '2025-01-01',
      last: '2025-12-31',
    });
    expect(one('Năm 2024, hoàn thành')).toMatchObject({ kind: 'year', year: 2024 });
  });
  it('reads "giai đoạn 2021 - 2025" and "năm 2021-2025" as spans, not as one year', () => {
    expect(one('giai đoạn 2021 - 2025')).toMatchObject({
      kind: 'span',
      from: 2021,
      to: 2025,
      last: '2025-12-31',
    });
    expect(one('kế hoạch đầu tư công trung hạn 5 năm 2021-2025')).toMatchObject({ kind: 'span', from: 2021 });
    expect(one('nhiệm kỳ 2020–2025')).toMatchObject({ kind: 'span', to: 2025 });
  });
  it('reads several mentions in order with spans shifted by the offset', () => {
    const found = readDates('Từ ngày 15/11/2025 đến ngày 15/12/2025', { offset: 100 });
    expect(found.map((m) => [m.kind, m.first, m.span])).toEqual([
      ['day', '2025-11-15', [103, 118]],
      ['day', '2025-12-15', [123, 138]],
    ]);
  });
});

describe('readDates: what is not a date', () => {
  it('finds nothing in document numbers ("105/2023/QH15", "12/2024/NQ-HĐND")', () => {
    expect(readDates('Nghị quyết số 105/2023/QH15 và số 12/2024/NQ-HĐND')).toEqual([]);
  });
  it('finds nothing in ratios, rankings, durations and grouped numbers', () => {
    expect(readDates('7/10 chỉ tiêu; xếp thứ 24/63; sau 04 tháng; 1.234.567 đồng; 3 tháng đầu')).toEqual([]);
  });
  it('finds no year in "năm 1850", "năm 20245" or "5 năm"', () => {
    expect(readDates('năm 1850, năm 20245, 5 năm')).toEqual([]);
  });
  it('finds nothing in an empty text', () => {
    expect(readDates('')).toEqual([]);
  });
});

describe('readDateAt', () => {
  it('reads the mention that opens the text', () => {
    expect(readDateAt('ngày 10/6/2024 của Thủ tướng')?.first).toBe('2024-06-10');
  });
  it('gives null when the text does not open with a date', () => {
    expect(readDateAt('của Thủ tướng ngày 10/6/2024')).toBeNull();
    expect(readDateAt('')).toBeNull();
  });
});

describe('readDates on hostile input', () => {
  it('returns on 2 MB of "ngày 1/1/" repeats', () => {
    expect(Array.isArray(readDates('ngày 1/1/'.repeat(230_000)))).toBe(true);
  });
  it('returns on 2 MB of "Số: " repeats and on a 2 MB run of spaces after "ngày"', () => {
    expect(readDates('Số: '.repeat(520_000))).toEqual([]);
    expect(readDates(`ngày${' '.repeat(2_000_000)}1`)).toEqual([]);
  });
  it('returns on 2 MB of valid dates', () => {
    expect(readDates('ngày 1/1/2025 '.repeat(150_000))).toHaveLength(150_000);
  });
});
