import { addDays } from '../domain/calendar.js';
import { attainment } from '../domain/attainment.js';
import { parsePeriod, type Period } from '../domain/period.js';
import { computeReminders, reminderKey } from '../domain/reminders.js';
import { rankUnits, type Scorecard } from '../domain/scorecard.js';
import { taskStatus } from '../domain/task-status.js';
import type { Store } from '../store/db.js';
import { AppError } from './errors.js';
import { obligations, type ReportContent } from './reports.js';
import { watchTable } from './watch.js';
import { emailNotifications, type MailSettings } from './mailer.js';

function period(key: string): Period {
  const p = parsePeriod(key);
  if (!p)
    throw new AppError(
      'invalid',
      `"${key}" không phải kỳ (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM). (Not a period.)`,
      { field: 'period' },
    );
  return p;
}

async function liveTasks(store: Store) {
  return store.db
    .selectFrom('tasks')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select([
      'tasks.id',
      'tasks.text',
      'tasks.section',
      'tasks.lead_unit_id',
      'tasks.deadline',
      'tasks.completed_at',
      'tasks.directive_id',
      'directives.number',
    ])
    .where('directives.status', '=', 'confirmed')
    .execute();
}

/**
 * Targets assigned to a unit are the indicators its reporting regimes ask it for; each is
 * assessed when the period's target exists and the unit reported a value for the whole target
 * period — met or not by the domain's attainment rule.
 */
async function unitTargets(store: Store, p: Period): Promise<Map<number, { met: number; assessed: number }>> {
  const out = new Map<number, { met: number; assessed: number }>();
  const regimes = await store.db
    .selectFrom('report_regimes')
    .innerJoin('regime_units', 'regime_units.regime_id', 'report_regimes.id')
    .select(['regime_units.unit_id', 'report_regimes.content'])
    .execute();
  const assigned = new Map<number, Set<number>>();
  for (const r of regimes) {
    const ids = (JSON.parse(r.content) as { indicatorIds?: number[] }).indicatorIds ?? [];
    const set = assigned.get(r.unit_id) ?? new Set<number>();
    for (const id of ids) set.add(id);
    assigned.set(r.unit_id, set);
  }
  if (assigned.size === 0) return out;
  const rows = await store.db
    .selectFrom('quantities as q')
    .innerJoin('indicators as i', 'i.id', 'q.indicator_id')
    .leftJoin('directives as d', 'd.id', 'q.directive_id')
    .leftJoin('reports as r', 'r.id', 'q.report_id')
    .select([
      'q.kind',
      'q.op',
      'q.lo',
      'q.hi',
      'q.unit',
      'q.period',
      'q.indicator_id',
      'q.adjusts_id',
      'q.id',
      'i.direction',
      'd.status',
      'r.unit_id as reporter',
    ])
    .where('q.period', '=', p.key)
    .execute();
  const adjusted = new Set(rows.map((r) => r.adjusts_id).filter((x): x is number => x !== null));
  for (const [unitId, indicators] of assigned) {
    const tally = { met: 0, assessed: 0 };
    for (const indicatorId of indicators) {
      const target = rows.find(
        (r) =>
          r.kind === 'target' &&
          r.indicator_id === indicatorId &&
          r.status === 'confirmed' &&
          !adjusted.has(r.id),
      );
      const actual = rows
        .filter(
          (r) =>
            r.kind === 'result' && r.indicator_id === indicatorId && r.reporter === unitId && r.lo !== null,
        )
        .at(-1);
      if (!target || !actual) continue;
      const judged = attainment(
        { op: target.op as 'eq', lo: target.lo, hi: target.hi, unit: target.unit },
        { value: actual.lo as number, unit: actual.unit },
        target.direction,
      );
      if (judged.status === 'no_data') continue;
      tally.assessed++;
      if (judged.status === 'met') tally.met++;
    }
    out.set(unitId, tally);
  }
  return out;
}

/** Scorecards of every unit that leads tasks or owes reports, for a period, ranked. */
export async function scorecards(store: Store, periodKey: string, today: string): Promise<Scorecard[]> {
  const p = period(periodKey);
  const [units, tasks, owed] = await Promise.all([
    store.db.selectFrom('units').select(['id', 'name']).execute(),
    liveTasks(store),
    obligations(store, today < p.end ? today : p.end, p.start),
  ]);
  const targets = await unitTargets(store, p);
  const inputs = units
    .map((u) => ({
      unitId: u.id,
      name: u.name,
      tasks: tasks
        .filter((t) => t.lead_unit_id === u.id)
        .map((t) => ({ deadline: t.deadline, completedAt: t.completed_at })),
      reports: owed
        .filter(
          (o) =>
            o.unitId === u.id &&
            parsePeriod(o.period)!.end <= p.end &&
            parsePeriod(o.period)!.start >= p.start,
        )
        .map((o) => ({ due: o.due, submittedOn: o.submittedOn })),
      targetsMet: targets.get(u.id)?.met ?? 0,
      targetsAssessed: targets.get(u.id)?.assessed ?? 0,
    }))
    .filter((u) => u.tasks.length > 0 || u.reports.length > 0);
  return rankUnits(inputs, p, today);
}

/**
 * What the office compiles for a period: the difficulties and recommendations of the units'
 * latest submitted reports, grouped by unit and by topic (the task's directive section), each
 * linked to its task; and the overdue list.
 */
export async function compilation(store: Store, periodKey: string, today: string) {
  const p = period(periodKey);
  const reports = await store.db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .select([
      'reports.id',
      'reports.unit_id',
      'units.name',
      'reports.period',
      'reports.status',
      'reports.content',
    ])
    .where('reports.status', '=', 'submitted')
    .execute();
  const inPeriod = reports.filter((r) => {
    const rp = parsePeriod(r.period);
    return rp !== null && rp.start >= p.start && rp.end <= p.end;
  });
  const tasks = await liveTasks(store);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const notes = inPeriod.flatMap((r) => {
    const content = JSON.parse(r.content) as ReportContent;
    const item = (kind: 'difficulty' | 'recommendation') => (n: ReportContent['difficulties'][number]) => {
      const task = n.taskId ? taskById.get(n.taskId) : undefined;
      return {
        kind,
        text: n.text,
        unitId: r.unit_id,
        unitName: r.name,
        reportId: r.id,
        period: r.period,
        taskId: n.taskId ?? null,
        topic: task
          ? `${task.number ?? 'Văn bản #' + task.directive_id} — mục ${task.section.split(/[.-]/)[0]}`
          : 'Chung',
      };
    };
    return [
      ...content.difficulties.map(item('difficulty')),
      ...content.recommendations.map(item('recommendation')),
    ];
  });
  const group = <K extends string>(key: (n: (typeof notes)[number]) => K) => {
    const out: Record<string, typeof notes> = {};
    for (const n of notes) (out[key(n)] ??= []).push(n);
    return out;
  };
  const cutoff = today < p.end ? today : p.end;
  const overdue = tasks
    .filter(
      (t) => taskStatus({ deadline: t.deadline, completedAt: t.completed_at }, cutoff).status === 'overdue',
    )
    .map((t) => ({
      id: t.id,
      text: t.text,
      leadUnitId: t.lead_unit_id,
      deadline: t.deadline,
      directiveNumber: t.number,
      daysLate: taskStatus({ deadline: t.deadline, completedAt: null }, cutoff).daysLate,
    }))
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  return {
    period: p.key,
    reports: inPeriod.length,
    notes,
    byUnit: group((n) => n.unitName),
    byTopic: group((n) => n.topic),
    overdue,
    targets: await watchTable(store, p.key),
  };
}

export interface RemindOptions {
  readonly today: string;
  readonly dueSoonDays: number;
  readonly dryRun: boolean;
  /** Reports owed since this day are checked (default: a year back). */
  readonly since?: string;
  /** Email the new notifications when set (SMTP). */
  readonly mail?: MailSettings | null;
}

/**
 * Follow-up (đôn đốc): per unit, tasks due soon, overdue tasks and missing reports. Unless a
 * dry run, writes one in-app notification per day, unit, kind and item — never twice.
 */
export async function remind(store: Store, options: RemindOptions) {
  const [tasks, owed, units] = await Promise.all([
    liveTasks(store),
    obligations(store, options.today, options.since ?? addDays(options.today, -365)),
    store.db.selectFrom('units').select(['id', 'name']).execute(),
  ]);
  const name = new Map(units.map((u) => [u.id, u.name]));
  const perUnit = computeReminders(
    tasks
      .filter((t) => t.lead_unit_id !== null)
      .map((t) => ({ ...t, unitId: t.lead_unit_id as number, completedAt: t.completed_at })),
    owed.map((o) => ({ ...o, submitted: o.submittedOn !== null })),
    options.today,
    options.dueSoonDays,
  );
  let written = 0;
  if (!options.dryRun) {
    const now = new Date().toISOString();
    for (const u of perUnit) {
      const items = [
        ...u.dueSoon.map((t) => ({
          kind: 'due_soon' as const,
          item: String(t.id),
          message: `Sắp đến hạn ${t.deadline}: ${t.text.slice(0, 200)}`,
        })),
        ...u.overdue.map((t) => ({
          kind: 'overdue' as const,
          item: String(t.id),
          message: `Quá hạn từ ${t.deadline}: ${t.text.slice(0, 200)}`,
        })),
        ...u.missingReports.map((r) => ({
          kind: 'missing_report' as const,
          item: `${r.regimeId}:${r.period}`,
          message: `Chưa nộp báo cáo "${r.regimeName}" kỳ ${r.period} (hạn ${r.due})`,
        })),
      ];
      for (const it of items) {
        const key = reminderKey(options.today, u.unitId, it.kind, it.item);
        const exists = await store.db
          .selectFrom('notifications')
          .select('id')
          .where('key', '=', key)
          .executeTakeFirst();
        if (exists) continue;
        await store.db
          .insertInto('notifications')
          .values({
            unit_id: u.unitId,
            key,
            day: options.today,
            kind: it.kind,
            item: it.item,
            message: it.message,
            created_at: now,
            emailed_at: null,
            read_at: null,
          })
          .execute();
        written++;
      }
    }
  }
  const mail =
    !options.dryRun && options.mail
      ? await emailNotifications(store, options.mail, options.today, new Date().toISOString())
      : null;
  return {
    today: options.today,
    written,
    emailed: mail?.sent ?? 0,
    emailFailures: mail?.failed ?? [],
    units: perUnit.map((u) => ({
      unitId: u.unitId,
      unit: name.get(u.unitId) ?? `#${u.unitId}`,
      dueSoon: u.dueSoon.map((t) => ({
        id: t.id,
        deadline: t.deadline,
        text: t.text,
        directiveNumber: t.number,
      })),
      overdue: u.overdue.map((t) => ({
        id: t.id,
        deadline: t.deadline,
        text: t.text,
        directiveNumber: t.number,
      })),
      missingReports: u.missingReports.map((r) => ({ regime: r.regimeName, period: r.period, due: r.due })),
    })),
  };
}

export async function notificationsFor(store: Store, unitId: number, limit: number) {
  return store.db
    .selectFrom('notifications')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
