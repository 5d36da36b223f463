import { describe, expect, it } from 'vitest';
import { computeReminders, reminderKey } from './reminders.js';

describe('follow-up reminders', () => {
  const tasks = [
    { id: 1, unitId: 7, deadline: '2026-06-30', completedAt: null },
    { id: 2, unitId: 7, deadline: '2026-06-01', completedAt: null },
    { id: 3, unitId: 7, deadline: '2026-06-20', completedAt: '2026-06-19' },
    { id: 4, unitId: 8, deadline: '2026-09-30', completedAt: null },
    { id: 5, unitId: 8, deadline: null, completedAt: null },
    { id: 6, unitId: 9, deadline: '2026-06-25', completedAt: null },
  ];
  const reports = [
    { unitId: 8, regimeId: 1, period: '2026-05', due: '2026-06-05', submitted: false },
    { unitId: 7, regimeId: 1, period: '2026-05', due: '2026-06-05', submitted: true },
    { unitId: 9, regimeId: 1, period: '2026-06', due: '2026-07-05', submitted: false },
  ];

  it('lists per unit the open tasks due soon, the overdue ones and the missing reports', () => {
    const result = computeReminders(tasks, reports, '2026-06-25', 7);
    expect(
      result.map((u) => [
        u.unitId,
        u.dueSoon.map((t) => t.id),
        u.overdue.map((t) => t.id),
        u.missingReports.map((r) => r.period),
      ]),
    ).toEqual([
      [7, [1], [2], []],
      [8, [], [], ['2026-05']],
      [9, [6], [], []],
    ]);
  });

  it('keys a reminder by day, unit, kind and item, so a day never repeats one', () => {
    expect(reminderKey('2026-06-25', 7, 'overdue', 2)).toBe('2026-06-25|7|overdue|2');
  });
});
