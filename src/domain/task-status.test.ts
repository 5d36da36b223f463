import { describe, expect, it } from 'vitest';
import { taskStatus } from './task-status.js';

const today = '2026-06-10';

describe('task status', () => {
  it('is completed on time when done by the deadline, the deadline day included', () => {
    expect(taskStatus({ deadline: '2026-06-30', completedAt: '2026-06-30' }, today).status).toBe(
      'completed_on_time',
    );
  });

  it('is completed late when done after the deadline, with the days late', () => {
    const s = taskStatus({ deadline: '2026-03-01', completedAt: '2026-03-11' }, today);
    expect(s).toMatchObject({ status: 'completed_late', daysLate: 10 });
  });

  it('is in progress before the deadline and due soon within the window', () => {
    expect(taskStatus({ deadline: '2026-06-30', completedAt: null }, today)).toMatchObject({
      status: 'in_progress',
      dueSoon: false,
      daysLeft: 20,
    });
    expect(taskStatus({ deadline: '2026-06-15', completedAt: null }, today)).toMatchObject({
      dueSoon: true,
      daysLeft: 5,
    });
    expect(taskStatus({ deadline: '2026-06-30', completedAt: null }, today, 30).dueSoon).toBe(true);
    expect(taskStatus({ deadline: today, completedAt: null }, today)).toMatchObject({
      status: 'in_progress',
      dueSoon: true,
    });
  });

  it('is overdue from the day after the deadline', () => {
    expect(taskStatus({ deadline: '2026-06-09', completedAt: null }, today)).toMatchObject({
      status: 'overdue',
      daysLate: 1,
      daysLeft: -1,
    });
  });

  it('has no deadline when none was set, and counts as on time once done', () => {
    expect(taskStatus({ deadline: null, completedAt: null }, today).status).toBe('no_deadline');
    expect(taskStatus({ deadline: null, completedAt: '2026-01-01' }, today).status).toBe('completed_on_time');
  });
});
