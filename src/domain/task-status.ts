import { daysBetween } from './calendar.js';

/**
 * The categories Vietnamese offices report tasks in: completed on time, completed late, in
 * progress within the deadline, overdue (not completed past the deadline), no deadline.
 */
export type TaskStatus = 'completed_on_time' | 'completed_late' | 'in_progress' | 'overdue' | 'no_deadline';

export interface TaskTiming {
  /** Last day allowed, `YYYY-MM-DD`; null when the task has none. */
  readonly deadline: string | null;
  /** Day the office accepted the task as done, `YYYY-MM-DD`; null while open. */
  readonly completedAt: string | null;
}

export interface TaskStatusReading {
  readonly status: TaskStatus;
  /** Open, with a deadline within `dueSoonDays` of today (today and the deadline included). */
  readonly dueSoon: boolean;
  /** Days from today to the deadline for an open task (negative when overdue); else null. */
  readonly daysLeft: number | null;
  /** Days a task was completed after its deadline, or an open one is past it; else 0. */
  readonly daysLate: number;
}

/**
 * A task's status on `today`. A completed task is judged by its completion day against the
 * deadline (a task with no deadline that is completed counts as on time); an open task is
 * overdue from the day after its deadline.
 */
export function taskStatus(task: TaskTiming, today: string, dueSoonDays = 7): TaskStatusReading {
  const { deadline, completedAt } = task;
  if (completedAt !== null) {
    const late = deadline !== null && completedAt > deadline;
    return {
      status: late ? 'completed_late' : 'completed_on_time',
      dueSoon: false,
      daysLeft: null,
      daysLate: late && deadline ? daysBetween(deadline, completedAt) : 0,
    };
  }
  if (deadline === null) return { status: 'no_deadline', dueSoon: false, daysLeft: null, daysLate: 0 };
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return { status: 'overdue', dueSoon: false, daysLeft, daysLate: -daysLeft };
  return { status: 'in_progress', dueSoon: daysLeft <= dueSoonDays, daysLeft, daysLate: 0 };
}
