import { describe, expect, it } from 'vitest';
import { msUntil } from './schedule.js';

describe('the daily reminder schedule', () => {
  it('waits until the time today, or tomorrow once it has passed', () => {
    const now = new Date(2026, 5, 25, 6, 30, 0);
    expect(msUntil(now, '07:00')).toBe(30 * 60_000);
    expect(msUntil(now, '06:30')).toBe(24 * 3600_000);
    expect(msUntil(now, '06:00')).toBe(23.5 * 3600_000);
  });

  it('refuses what is not a time of day', () => {
    expect(() => msUntil(new Date(), '25:00')).toThrow(/not a time/);
    expect(() => msUntil(new Date(), '7h')).toThrow(/not a time/);
  });
});
