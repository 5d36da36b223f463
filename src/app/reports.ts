import type { Transaction } from 'kysely';
import { addDays } from '../domain/calendar.js';
import { parsePeriod, periodOfDay, type Period, type PeriodKind } from '../domain/period.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { audit } from './audit.js';
import type { User } from './auth.js';
import { AppError } from './errors.js';

export type Frequency = 'month' | 'quarter' | 'half' | 'year';
const KIND: Record<Frequency, PeriodKind> = {
  month: 'month',
  quarter: 'quarter',
  half: 'half',
  year: 'year',
};

export interface RegimeContent {
  /** Tasks the report covers: those the unit leads, or also those it supports. */
  readonly tasks: 'led' | 'led_and_supported';
  readonly indicatorIds: readonly number[];
}

export interface NewRegime {
  readonly name: string;
  readonly content: RegimeContent;
  readonly frequency: Frequency;
  readonly receiverUnitId: number | null;
  readonly unitIds: readonly number[];
  readonly cutoffDaysBeforeEnd: number;
  readonly submitDaysAfterEnd: number;
  readonly template: string;
  /** First day of the first period owed (default: the day the regime is defined). */
  readonly startsOn?: string | undefined;
}

export interface TaskEntry {
  readonly taskId: number;
  readonly progress: number;
  /** "completed" is the unit's claim; the office confirms it. */
  readonly status: 'in_progress' | 'completed';
  readonly completedAt: string | null;
  readonly narrative: string;
}

export interface IndicatorEntry {
  readonly indicatorId: number;
  readonly value: number;
  /** The value as the unit wrote it ("20.889"), kept exactly. */
  readonly raw: string;
  readonly unit: string;
  readonly scope: string | null;
}

export interface Note {
  readonly text: string;
  readonly taskId?: number | null | undefined;
  readonly indicatorId?: number | null | undefined;
}

export interface ReportContent {
  readonly tasks: readonly TaskEntry[];
  readonly indicators: readonly IndicatorEntry[];
  readonly difficulties: readonly Note[];
  readonly recommendations: readonly Note[];
}

function isOffice(user: User): boolean {
  return user.role === 'admin' || user.role === 'office';
}

export async function createRegime(store: Store, user: User, input: NewRegime, now: string): Promise<number> {
  if (!isOffice(user))
    throw new AppError(
      'forbidden',
      'Chỉ văn phòng được đặt chế độ báo cáo. (Only the office defines reporting regimes.)',
    );
  return store.db.transaction().execute(async (trx) => {
    const ids = [...new Set(input.unitIds)];
    const known = ids.length
      ? await trx.selectFrom('units').select('id').where('id', 'in', ids).execute()
      : [];
    if (known.length !== ids.length)
      throw new AppError('invalid', 'Có đơn vị báo cáo không tồn tại. (A reporting unit does not exist.)', {
        field: 'unitIds',
      });
    const row = await trx
      .insertInto('report_regimes')
      .values({
        name: input.name,
        content: JSON.stringify(input.content),
        frequency: input.frequency,
        receiver_unit_id: input.receiverUnitId,
        cutoff_days_before_end: input.cutoffDaysBeforeEnd,
        submit_days_after_end: input.submitDaysAfterEnd,
        template: input.template,
        starts_on: input.startsOn ?? now.slice(0, 10),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ids.length)
      await trx
        .insertInto('regime_units')
        .values(ids.map((unit_id) => ({ regime_id: row.id, unit_id })))
        .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'regime',
      entityId: row.id,
      action: 'create',
      after: input,
      at: now,
    });
    return row.id;
  });
}

export async function listRegimes(store: Store) {
  const rows = await store.db.selectFrom('report_regimes').selectAll().orderBy('id').execute();
  const members = await store.db.selectFrom('regime_units').selectAll().execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    content: JSON.parse(r.content) as RegimeContent,
    frequency: r.frequency,
    receiverUnitId: r.receiver_unit_id,
    unitIds: members.filter((m) => m.regime_id === r.id).map((m) => m.unit_id),
    cutoffDaysBeforeEnd: r.cutoff_days_before_end,
    submitDaysAfterEnd: r.submit_days_after_end,
    template: r.template,
    startsOn: r.starts_on,
  }));
}

/** The submission deadline of a regime's report for a period. */
export function dueDate(period: Period, submitDaysAfterEnd: number): string {
  return addDays(period.end, submitDaysAfterEnd);
}

/**
 * A period is open for reporting under a regime when it is of the regime's frequency, has
 * begun, and its submission deadline passed less than a year ago.
 */
function openPeriod(key: string, frequency: Frequency, submitDaysAfterEnd: number, today: string): Period {
  const period = parsePeriod(key);
  if (!period || period.kind !== KIND[frequency]) {
    throw new AppError(
      'invalid',
      `Kỳ "${key}" không phải kỳ ${frequencyName(frequency)} của chế độ báo cáo này. (Not a period of this regime.)`,
      { field: 'period' },
    );
  }
  if (period.start > today)
    throw new AppError('invalid', `Kỳ ${key} chưa bắt đầu; chưa thể báo cáo. (The period has not begun.)`, {
      field: 'period',
    });
  if (addDays(dueDate(period, submitDaysAfterEnd), 365) < today) {
    throw new AppError('invalid', `Kỳ ${key} đã đóng. (The period is closed.)`, { field: 'period' });
  }
  return period;
}

function frequencyName(f: Frequency): string {
  return { month: 'tháng', quarter: 'quý', half: '6 tháng', year: 'năm' }[f];
}

/** Every report owed: per regime, unit and period already begun up to today (for reminders and scorecards). */
export async function obligations(store: Store, today: string, since: string) {
  const regimes = await listRegimes(store);
  const reports = await store.db
    .selectFrom('reports')
    .select(['regime_id', 'unit_id', 'period', 'first_submitted_at'])
    .execute();
  const out: {
    regimeId: number;
    regimeName: string;
    unitId: number;
    period: string;
    due: string;
    submittedOn: string | null;
  }[] = [];
  for (const regime of regimes) {
    let day = since > regime.startsOn ? since : regime.startsOn;
    const seen = new Set<string>();
    while (day <= today) {
      const period = periodOfDay(day, KIND[regime.frequency] as Exclude<PeriodKind, 'span'>);
      if (!seen.has(period.key)) {
        seen.add(period.key);
        for (const unitId of regime.unitIds) {
          const report = reports.find(
            (r) => r.regime_id === regime.id && r.unit_id === unitId && r.period === period.key,
          );
          out.push({
            regimeId: regime.id,
            regimeName: regime.name,
            unitId,
            period: period.key,
            due: dueDate(period, regime.submitDaysAfterEnd),
            submittedOn: report?.first_submitted_at?.slice(0, 10) ?? null,
          });
        }
      }
      day = addDays(period.end, 1);
    }
  }
  return out;
}

async function unitTaskIds(
  trx: Transaction<Database>,
  unitId: number,
  scope: RegimeContent['tasks'],
): Promise<Set<number>> {
  const led = await trx.selectFrom('tasks').select('id').where('lead_unit_id', '=', unitId).execute();
  const ids = new Set(led.map((t) => t.id));
  if (scope === 'led_and_supported') {
    for (const t of await trx
      .selectFrom('task_support')
      .select('task_id')
      .where('unit_id', '=', unitId)
      .execute())
      ids.add(t.task_id);
  }
  return ids;
}

export interface ReportView {
  readonly id: number;
  readonly regimeId: number;
  readonly unitId: number;
  readonly period: string;
  readonly status: 'draft' | 'submitted' | 'returned';
  readonly due: string;
  readonly content: ReportContent;
  readonly firstSubmittedAt: string | null;
  readonly submittedAt: string | null;
  readonly returnReason: string | null;
  readonly version: number;
}

async function viewReport(trx: Transaction<Database> | Store['db'], id: number): Promise<ReportView> {
  const r = await trx
    .selectFrom('reports')
    .innerJoin('report_regimes', 'report_regimes.id', 'reports.regime_id')
    .select([
      'reports.id',
      'reports.regime_id',
      'reports.unit_id',
      'reports.period',
      'reports.status',
      'reports.content',
      'reports.first_submitted_at',
      'reports.submitted_at',
      'reports.return_reason',
      'reports.version',
      'report_regimes.submit_days_after_end',
    ])
    .where('reports.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('not-found', `Không có báo cáo #${id}. (No report #${id}.)`);
  return {
    id: r.id,
    regimeId: r.regime_id,
    unitId: r.unit_id,
    period: r.period,
    status: r.status,
    due: dueDate(parsePeriod(r.period) as Period, r.submit_days_after_end),
    content: JSON.parse(r.content) as ReportContent,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    returnReason: r.return_reason,
    version: r.version,
  };
}

export async function getReport(store: Store, user: User, id: number): Promise<ReportView> {
  const view = await viewReport(store.db, id);
  if (user.role === 'member' && user.unitId !== view.unitId)
    throw new AppError('forbidden', 'Đây là báo cáo của đơn vị khác. (Another unit’s report.)');
  return view;
}

/**
 * The unit's report for a period under a regime, created as a draft on first use and
 * pre-filled with the unit's tasks (their current progress) and the regime's indicators.
 */
export async function openReport(
  store: Store,
  user: User,
  regimeId: number,
  periodKey: string,
  unitIdWanted: number | null,
  now: string,
): Promise<ReportView> {
  const unitId = user.role === 'member' ? user.unitId : unitIdWanted;
  if (unitId === null)
    throw new AppError('invalid', 'Hãy chọn đơn vị báo cáo (unitId). (Choose the reporting unit.)', {
      field: 'unitId',
    });
  if (user.role === 'viewer')
    throw new AppError('forbidden', 'Người xem không lập báo cáo. (Viewers do not write reports.)');
  if (user.role === 'member' && unitIdWanted !== null && unitIdWanted !== user.unitId) {
    throw new AppError('forbidden', 'Bạn chỉ lập báo cáo của đơn vị mình. (Only your unit’s report.)');
  }
  const today = now.slice(0, 10);
  const id = await store.db.transaction().execute(async (trx) => {
    const regime = await trx
      .selectFrom('report_regimes')
      .selectAll()
      .where('id', '=', regimeId)
      .executeTakeFirst();
    if (!regime) throw new AppError('not-found', `Không có chế độ báo cáo #${regimeId}. (No such regime.)`);
    const owes = await trx
      .selectFrom('regime_units')
      .select('unit_id')
      .where('regime_id', '=', regimeId)
      .where('unit_id', '=', unitId)
      .executeTakeFirst();
    if (!owes)
      throw new AppError(
        'invalid',
        'Đơn vị này không thuộc diện báo cáo theo chế độ này. (This unit does not report under this regime.)',
        { field: 'unitId' },
      );
    const period = openPeriod(periodKey, regime.frequency, regime.submit_days_after_end, today);
    const existing = await trx
      .selectFrom('reports')
      .select('id')
      .where('regime_id', '=', regimeId)
      .where('unit_id', '=', unitId)
      .where('period', '=', period.key)
      .executeTakeFirst();
    if (existing) return existing.id;
    const content = JSON.parse(regime.content) as RegimeContent;
    const taskIds = [...(await unitTaskIds(trx, unitId, content.tasks))];
    const tasks = taskIds.length
      ? await trx
          .selectFrom('tasks')
          .select(['id', 'progress', 'completed_at', 'deadline', 'claim'])
          .where('id', 'in', taskIds)
          .where(
            'directive_id',
            'in',
            trx.selectFrom('directives').select('id').where('status', '=', 'confirmed'),
          )
          .where((eb) => eb.or([eb('completed_at', 'is', null), eb('completed_at', '>=', period.start)]))
          .orderBy('deadline')
          .execute()
      : [];
    const draft: ReportContent = {
      tasks: tasks.map((t) => ({
        taskId: t.id,
        progress: t.progress,
        status: t.completed_at !== null || t.claim === 'claimed' ? 'completed' : 'in_progress',
        completedAt: t.completed_at,
        narrative: '',
      })),
      indicators: [],
      difficulties: [],
      recommendations: [],
    };
    const row = await trx
      .insertInto('reports')
      .values({
        regime_id: regimeId,
        unit_id: unitId,
        period: period.key,
        status: 'draft',
        content: JSON.stringify(draft),
        first_submitted_at: null,
        submitted_at: null,
        return_reason: null,
        updated_at: now,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return viewReport(store.db, id);
}

async function loadForChange(trx: Transaction<Database>, user: User, id: number) {
  const report = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!report) throw new AppError('not-found', `Không có báo cáo #${id}. (No report #${id}.)`);
  if (user.role === 'viewer' || (user.role === 'member' && user.unitId !== report.unit_id)) {
    throw new AppError('forbidden', 'Bạn chỉ sửa báo cáo của đơn vị mình. (Only your unit’s report.)');
  }
  return report;
}

/** Checks every task and indicator in the content belongs to the report, and dates make sense. */
async function checkContent(
  trx: Transaction<Database>,
  report: { unit_id: number; regime_id: number; period: string },
  content: ReportContent,
  today: string,
) {
  const regime = await trx
    .selectFrom('report_regimes')
    .select('content')
    .where('id', '=', report.regime_id)
    .executeTakeFirstOrThrow();
  const scope = JSON.parse(regime.content) as RegimeContent;
  const allowed = await unitTaskIds(trx, report.unit_id, scope.tasks);
  const foreign = content.tasks.map((t) => t.taskId).filter((id) => !allowed.has(id));
  if (foreign.length > 0) {
    throw new AppError(
      'forbidden',
      `Nhiệm vụ #${foreign.join(', #')} không thuộc đơn vị báo cáo. (Tasks of another unit.)`,
      { taskIds: foreign },
    );
  }
  const seen = new Set<number>();
  for (const t of content.tasks) {
    if (seen.has(t.taskId))
      throw new AppError('invalid', `Nhiệm vụ #${t.taskId} được kê hai lần. (Task listed twice.)`, {
        taskId: t.taskId,
      });
    seen.add(t.taskId);
    if (t.completedAt !== null && t.completedAt > today) {
      throw new AppError(
        'invalid',
        `Ngày hoàn thành của nhiệm vụ #${t.taskId} ở tương lai. (Completion date in the future.)`,
        { taskId: t.taskId },
      );
    }
    if (t.status === 'completed' && t.completedAt === null) {
      throw new AppError(
        'invalid',
        `Nhiệm vụ #${t.taskId} báo hoàn thành cần ngày hoàn thành. (A completed task needs its date.)`,
        { taskId: t.taskId },
      );
    }
  }
  const indicatorIds = [...new Set(content.indicators.map((i) => i.indicatorId))];
  if (indicatorIds.length) {
    const known = await trx.selectFrom('indicators').select('id').where('id', 'in', indicatorIds).execute();
    if (known.length !== indicatorIds.length)
      throw new AppError('invalid', 'Có chỉ số không tồn tại. (An indicator does not exist.)', {
        field: 'indicators',
      });
  }
}

export async function saveReport(
  store: Store,
  user: User,
  id: number,
  content: ReportContent,
  version: number | undefined,
  now: string,
): Promise<ReportView> {
  await store.db.transaction().execute(async (trx) => {
    const report = await loadForChange(trx, user, id);
    if (report.status === 'submitted')
      throw new AppError(
        'conflict',
        'Báo cáo đã gửi; chờ văn phòng xem hoặc trả lại. (Submitted: wait for the office.)',
      );
    if (version !== undefined && version !== report.version) {
      throw new AppError(
        'conflict',
        'Báo cáo đã được sửa ở nơi khác; hãy tải lại. (Changed elsewhere; reload.)',
        { currentVersion: report.version },
      );
    }
    await checkContent(trx, report, content, now.slice(0, 10));
    await trx
      .updateTable('reports')
      .set({ content: JSON.stringify(content), updated_at: now, version: report.version + 1 })
      .where('id', '=', id)
      .execute();
  });
  return viewReport(store.db, id);
}

/**
 * Submits the report: a new numbered version is kept, and at once the unit's task entries
 * update its tasks (progress, narrative, completion claims) and its indicator values become
 * observations for the period (replacing those of an earlier version of this report).
 */
export async function submitReport(store: Store, user: User, id: number, now: string): Promise<ReportView> {
  await store.db.transaction().execute(async (trx) => {
    const report = await loadForChange(trx, user, id);
    if (report.status === 'submitted')
      throw new AppError('conflict', 'Báo cáo đã được gửi. (Already submitted.)');
    const content = JSON.parse(report.content) as ReportContent;
    await checkContent(trx, report, content, now.slice(0, 10));
    const count = await trx
      .selectFrom('report_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('report_id', '=', id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report_versions')
      .values({
        report_id: id,
        number: Number(count.n) + 1,
        content: report.content,
        submitted_at: now,
        submitted_by: user.id,
        returned_at: null,
        return_reason: null,
      })
      .execute();
    await trx
      .updateTable('reports')
      .set({
        status: 'submitted',
        submitted_at: now,
        first_submitted_at: report.first_submitted_at ?? now,
        return_reason: null,
        updated_at: now,
        version: report.version + 1,
      })
      .where('id', '=', id)
      .execute();
    for (const entry of content.tasks) {
      const task = await trx
        .selectFrom('tasks')
        .selectAll()
        .where('id', '=', entry.taskId)
        .executeTakeFirstOrThrow();
      const claim = entry.status === 'completed' && task.completed_at === null ? 'claimed' : task.claim;
      const changes = {
        progress: entry.status === 'completed' ? 100 : entry.progress,
        note: entry.narrative || task.note,
        claim,
        claimed_at:
          claim === 'claimed' && entry.completedAt ? `${entry.completedAt}T00:00:00.000Z` : task.claimed_at,
      };
      await trx
        .updateTable('tasks')
        .set({ ...changes, updated_at: now, version: task.version + 1 })
        .where('id', '=', task.id)
        .execute();
      await trx
        .insertInto('task_updates')
        .values({
          task_id: task.id,
          user_id: user.id,
          at: now,
          kind: claim === 'claimed' && task.claim !== 'claimed' ? 'claim' : 'report',
          progress: changes.progress,
          note: entry.narrative || null,
        })
        .execute();
    }
    await trx.deleteFrom('quantities').where('report_id', '=', id).execute();
    const unit = await trx
      .selectFrom('units')
      .select('name')
      .where('id', '=', report.unit_id)
      .executeTakeFirstOrThrow();
    for (const value of content.indicators) {
      const indicator = await trx
        .selectFrom('indicators')
        .select('name')
        .where('id', '=', value.indicatorId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('quantities')
        .values({
          directive_id: null,
          kind: 'result',
          indicator_id: value.indicatorId,
          indicator_text: indicator.name,
          op: 'eq',
          lo: value.value,
          hi: value.value,
          raw: value.raw,
          unit: value.unit,
          period: report.period,
          scope: value.scope,
          text: `${unit.name} báo cáo kỳ ${report.period}: ${indicator.name} ${value.raw} ${value.unit}`,
          span_start: null,
          span_end: null,
          adjusts_id: null,
          created_at: now,
          version: 1,
          scope_unit_id: value.scope === null ? null : report.unit_id,
          report_id: id,
        })
        .execute();
    }
    await audit(trx, {
      userId: user.id,
      entity: 'report',
      entityId: id,
      action: 'submit',
      after: content,
      at: now,
    });
  });
  return viewReport(store.db, id);
}

/** The office sends a submitted report back with its reason; the unit revises and resubmits. */
export async function returnReport(
  store: Store,
  user: User,
  id: number,
  reason: string,
  now: string,
): Promise<ReportView> {
  if (!isOffice(user))
    throw new AppError('forbidden', 'Chỉ văn phòng được trả lại báo cáo. (Only the office returns reports.)');
  await store.db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!report) throw new AppError('not-found', `Không có báo cáo #${id}. (No report #${id}.)`);
    if (report.status !== 'submitted')
      throw new AppError(
        'conflict',
        'Chỉ trả lại được báo cáo đã gửi. (Only a submitted report can be returned.)',
      );
    const latest = await trx
      .selectFrom('report_versions')
      .select(['id'])
      .where('report_id', '=', id)
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('report_versions')
      .set({ returned_at: now, return_reason: reason })
      .where('id', '=', latest.id)
      .execute();
    await trx
      .updateTable('reports')
      .set({ status: 'returned', return_reason: reason, updated_at: now, version: report.version + 1 })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'report',
      entityId: id,
      action: 'return',
      after: { reason },
      at: now,
    });
  });
  return viewReport(store.db, id);
}

export async function reportVersions(store: Store, user: User, id: number) {
  await getReport(store, user, id);
  const rows = await store.db
    .selectFrom('report_versions')
    .leftJoin('users', 'users.id', 'report_versions.submitted_by')
    .select([
      'report_versions.number',
      'report_versions.content',
      'report_versions.submitted_at',
      'report_versions.returned_at',
      'report_versions.return_reason',
      'users.username',
    ])
    .where('report_id', '=', id)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    submittedAt: r.submitted_at,
    submittedBy: r.username,
    returnedAt: r.returned_at,
    returnReason: r.return_reason,
    content: JSON.parse(r.content) as ReportContent,
  }));
}

export async function listReports(
  store: Store,
  filters: { period?: string | undefined; unitId?: number | undefined; status?: string | undefined },
) {
  let q = store.db.selectFrom('reports').innerJoin('units', 'units.id', 'reports.unit_id');
  if (filters.period) q = q.where('reports.period', '=', filters.period);
  if (filters.unitId !== undefined) q = q.where('reports.unit_id', '=', filters.unitId);
  if (filters.status)
    q = q.where('reports.status', '=', filters.status as 'draft' | 'submitted' | 'returned');
  const rows = await q
    .select([
      'reports.id',
      'reports.regime_id',
      'reports.unit_id',
      'units.name',
      'reports.period',
      'reports.status',
      'reports.first_submitted_at',
      'reports.submitted_at',
      'reports.version',
    ])
    .orderBy('reports.period', 'desc')
    .orderBy('units.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    regimeId: r.regime_id,
    unitId: r.unit_id,
    unitName: r.name,
    period: r.period,
    status: r.status,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    version: r.version,
  }));
}
