import { addDays } from './calendar.js';

/** Follow-up (đôn đốc): what each unit should hear about today. */
export interface RemindTask {
  readonly id: number;
  readonly unitId: number;
  readonly deadline: string | null;
  readonly completedAt: string | null;
}

export interface RemindReport {
  readonly unitId: number;
  readonly regimeId: number;
  readonly period: string;
  /** Submission deadline. */
  readonly due: string;
  readonly submitted: boolean;
}

export interface UnitReminders<T extends RemindTask, R extends RemindReport> {
  readonly unitId: number;
  readonly dueSoon: T[];
  readonly overdue: T[];
  readonly missingReports: R[];
}

/**
 * Per unit: open tasks due from today to `dueSoonDays` ahead, open tasks past their deadline,
 * and reports past their submission deadline and not submitted. Units with nothing are left out.
 */
export function computeReminders<T extends RemindTask, R extends RemindReport>(
  tasks: readonly T[],
  reports: readonly R[],
  today: string,
  dueSoonDays: number,
): UnitReminders<T, R>[] {
  const horizon = addDays(today, dueSoonDays);
  const byUnit = new Map<number, UnitReminders<T, R>>();
  const entry = (unitId: number) => {
    let e = byUnit.get(unitId);
    if (!e) {
      e = { unitId, dueSoon: [], overdue: [], missingReports: [] };
      byUnit.set(unitId, e);
    }
    return e;
  };
  for (const t of tasks) {
    if (t.completedAt !== null || t.deadline === null) continue;
    if (t.deadline < today) entry(t.unitId).overdue.push(t);
    else if (t.deadline <= horizon) entry(t.unitId).dueSoon.push(t);
  }
  for (const r of reports) if (!r.submitted && r.due < today) entry(r.unitId).missingReports.push(r);
  const byDeadline = (a: T, b: T) =>
    (a.deadline ?? '') < (b.deadline ?? '') ? -1 : (a.deadline ?? '') > (b.deadline ?? '') ? 1 : a.id - b.id;
  return [...byUnit.values()]
    .map((e) => ({ ...e, dueSoon: e.dueSoon.sort(byDeadline), overdue: e.overdue.sort(byDeadline) }))
    .sort((a, b) => a.unitId - b.unitId);
}

/** The key that makes a reminder unique: one per day, unit, kind and item. */
export function reminderKey(
  day: string,
  unitId: number,
  kind: 'due_soon' | 'overdue' | 'missing_report',
  itemId: string | number,
): string {
  return `${day}|${unitId}|${kind}|${itemId}`;
}
