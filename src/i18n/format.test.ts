import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPeriod } from './format.js';

describe('formatNumber', () => {
  it('writes Vietnamese numbers with dots between thousands and a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(33100)).toBe('33.100');
    expect(formatNumber(0.71)).toBe('0,71');
    expect(formatNumber(-1234567.25)).toBe('-1.234.567,25');
  });

  it('writes English numbers with commas between thousands and a decimal point', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('does not show floating-point noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0,3');
  });
});

describe('formatDate', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-03-01')).toBe('01/03/2025');
    expect(formatDate(null)).toBe('');
  });
});

describe('formatPeriod', () => {
  it('names quarters, half years, months and spans in Vietnamese', () => {
    expect(formatPeriod('2026-Q1')).toBe('Quý I/2026');
    expect(formatPeriod('2024-H1')).toBe('6 tháng đầu năm 2024');
    expect(formatPeriod('2025-02')).toBe('02/2025');
    expect(formatPeriod('2021-2025')).toBe('2021–2025');
    expect(formatPeriod('2024')).toBe('2024');
  });

  it('names them in English when asked', () => {
    expect(formatPeriod('2026-Q1', 'en')).toBe('Q1 2026');
    expect(formatPeriod('2024-H2', 'en')).toBe('H2 2024');
  });
});
