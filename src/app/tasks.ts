import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { addDays } from '../domain/calendar.js';
import { fold } from '../domain/fold.js';
import { parsePeriod } from '../domain/period.js';
import { taskStatus, type TaskStatus } from '../domain/task-status.js';
import type { Store } from '../store/db.js';
import type { Database } from '../store/schema.js';
import { audit } from './audit.js';
import type { User } from './auth.js';
import { AppError } from './errors.js';

export type TaskStatusFilter = TaskStatus | 'due_soon' | 'open' | 'completed';

export interface TaskFilters {
  readonly status?: TaskStatusFilter | undefined;
  readonly unitId?: number | undefined;
  readonly directiveId?: number | undefined;
  /** Tasks whose deadline falls in this period. */
  readonly period?: string | undefined;
  /** Text to find, diacritics ignored. */
  readonly q?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface TaskView {
  readonly id: number;
  readonly directiveId: number;
  readonly directiveNumber: string | null;
  readonly section: string;
  readonly text: string;
  readonly leadText: string | null;
  readonly leadUnitId: number | null;
  readonly deadline: string | null;
  readonly deadlineText: string | null;
  readonly status: TaskStatus;
  readonly dueSoon: boolean;
  readonly daysLeft: number | null;
  readonly claim: 'none' | 'claimed' | 'returned';
  readonly progress: number;
  readonly completedAt: string | null;
  readonly note: string | null;
  readonly span: readonly [number, number] | null;
  readonly version: number;
}

export const DUE_SOON_DAYS = 7;

type TaskQuery = SelectQueryBuilder<Database, 'tasks', object>;

/** The status categories as SQL conditions on deadline and completion day, for filtering. */
function whereStatus(query: TaskQuery, status: TaskStatusFilter, today: string): TaskQuery {
  switch (status) {
    case 'completed_on_time':
      return query
        .where('tasks.completed_at', 'is not', null)
        .where((eb) =>
          eb.or([eb('tasks.deadline', 'is', null), eb('tasks.completed_at', '<=', eb.ref('tasks.deadline'))]),
        );
    case 'completed_late':
      return query
        .where('tasks.completed_at', 'is not', null)
        .where('tasks.completed_at', '>', (eb) => eb.ref('tasks.deadline'));
    case 'completed':
      return query.where('tasks.completed_at', 'is not', null);
    case 'open':
      return query.where('tasks.completed_at', 'is', null);
    case 'overdue':
      return query.where('tasks.completed_at', 'is', null).where('tasks.deadline', '<', today);
    case 'in_progress':
      return query.where('tasks.completed_at', 'is', null).where('tasks.deadline', '>=', today);
    case 'due_soon':
      return query
        .where('tasks.completed_at', 'is', null)
        .where('tasks.deadline', '>=', today)
        .where('tasks.deadline', '<=', addDays(today, DUE_SOON_DAYS));
    case 'no_deadline':
      return query.where('tasks.completed_at', 'is', null).where('tasks.deadline', 'is', null);
  }
}

function baseQuery(
  db: Kysely<Database>,
  filters: Omit<TaskFilters, 'limit' | 'offset'>,
  today: string,
): TaskQuery {
  // The plan is live once its directive is confirmed: drafts' tasks are seen only in review.
  // The unary "+" keeps the engine walking the deadline-order index instead of tasks_directive.
  let query: TaskQuery = db
    .selectFrom('tasks')
    .where(
      sql<number>`+tasks.directive_id`,
      'in',
      db.selectFrom('directives').select('directives.id').where('directives.status', '=', 'confirmed'),
    );
  if (filters.status) query = whereStatus(query, filters.status, today);
  if (filters.unitId !== undefined) {
    const unitId = filters.unitId;
    // "id in (subquery)" rather than EXISTS: both engines turn the OR into two index searches.
    query = query.where((eb) =>
      eb.or([
        eb('tasks.lead_unit_id', '=', unitId),
        eb(
          'tasks.id',
          'in',
          eb
            .selectFrom('task_support')
            .select('task_support.task_id')
            .where('task_support.unit_id', '=', unitId),
        ),
      ]),
    );
  }
  if (filters.directiveId !== undefined) query = query.where('tasks.directive_id', '=', filters.directiveId);
  if (filters.period) {
    const period = parsePeriod(filters.period);
    if (!period)
      throw new AppError(
        'invalid',
        `"${filters.period}" không phải kỳ (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM). (Not a period.)`,
        { field: 'period' },
      );
    query = query.where('tasks.deadline', '>=', period.start).where('tasks.deadline', '<=', period.end);
  }
  if (filters.q) {
    const words = fold(filters.q).split(' ').filter(Boolean).slice(0, 10);
    for (const word of words)
      query = query.where('tasks.search_folded', 'like', `%${word.replace(/[%_\\]/g, '')}%`);
  }
  return query;
}

/** A page of tasks with their status on `today`, plus how many match in all. */
export async function listTasks(
  store: Store,
  filters: TaskFilters,
  today: string,
): Promise<{ items: TaskView[]; total: number }> {
  const query = baseQuery(store.db, filters, today);
  const [found, count] = await Promise.all([
    query
      .select([
        'tasks.id',
        'tasks.directive_id',
        'tasks.section',
        'tasks.text',
        'tasks.lead_text',
        'tasks.lead_unit_id',
        'tasks.deadline',
        'tasks.deadline_text',
        'tasks.claim',
        'tasks.progress',
        'tasks.completed_at',
        'tasks.note',
        'tasks.span_start',
        'tasks.span_end',
        'tasks.version',
      ])
      // Deadline order, no deadline last: the expression the tasks_due_order index is built on.
      .orderBy(sql`coalesce(tasks.deadline, '9999-12-31')`)
      .orderBy('tasks.id')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const directiveIds = [...new Set(found.map((r) => r.directive_id))];
  const numbers = new Map(
    directiveIds.length === 0
      ? []
      : (
          await store.db
            .selectFrom('directives')
            .select(['id', 'number'])
            .where('id', 'in', directiveIds)
            .execute()
        ).map((d) => [d.id, d.number]),
  );
  const rows = found.map((r) => ({ ...r, number: numbers.get(r.directive_id) ?? null }));
  return { items: rows.map((r) => toView(r, today)), total: Number(count.n) };
}

interface TaskRow {
  id: number;
  directive_id: number;
  number: string | null;
  section: string;
  text: string;
  lead_text: string | null;
  lead_unit_id: number | null;
  deadline: string | null;
  deadline_text: string | null;
  claim: 'none' | 'claimed' | 'returned';
  progress: number;
  completed_at: string | null;
  note: string | null;
  span_start: number | null;
  span_end: number | null;
  version: number;
}

function toView(r: TaskRow, today: string): TaskView {
  const s = taskStatus({ deadline: r.deadline, completedAt: r.completed_at }, today, DUE_SOON_DAYS);
  return {
    id: r.id,
    directiveId: r.directive_id,
    directiveNumber: r.number,
    section: r.section,
    text: r.text,
    leadText: r.lead_text,
    leadUnitId: r.lead_unit_id,
    deadline: r.deadline,
    deadlineText: r.deadline_text,
    status: s.status,
    dueSoon: s.dueSoon,
    daysLeft: s.daysLeft,
    claim: r.claim,
    progress: r.progress,
    completedAt: r.completed_at,
    note: r.note,
    span: r.span_start !== null && r.span_end !== null ? [r.span_start, r.span_end] : null,
    version: r.version,
  };
}

export async function getTask(store: Store, id: number, today: string): Promise<TaskView> {
  const row = await store.db
    .selectFrom('tasks')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select([
      'tasks.id',
      'tasks.directive_id',
      'directives.number',
      'tasks.section',
      'tasks.text',
      'tasks.lead_text',
      'tasks.lead_unit_id',
      'tasks.deadline',
      'tasks.deadline_text',
      'tasks.claim',
      'tasks.progress',
      'tasks.completed_at',
      'tasks.note',
      'tasks.span_start',
      'tasks.span_end',
      'tasks.version',
    ])
    .where('tasks.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('not-found', `Không có nhiệm vụ #${id}. (No task #${id}.)`);
  return toView(row, today);
}

export interface TaskPatch {
  readonly progress?: number | undefined;
  /** completed: a unit claims it done (the office's own "completed" confirms); returned: the office sends a claim back; in_progress: reopen. */
  readonly status?: 'completed' | 'returned' | 'in_progress' | undefined;
  readonly note?: string | undefined;
  readonly completedAt?: string | undefined;
  readonly deadline?: string | null | undefined;
  readonly leadUnitId?: number | null | undefined;
  /** The version the change was based on; a stale one is refused. */
  readonly version?: number | undefined;
}

function canChangeTask(user: User, leadUnitId: number | null): boolean {
  if (user.role === 'admin' || user.role === 'office') return true;
  return user.role === 'member' && user.unitId !== null && user.unitId === leadUnitId;
}

/**
 * Applies a change to a task: progress and notes by its lead unit or the office; a unit's
 * "completed" is a claim the office confirms (or returns with a reason); deadline and lead only
 * by the office. Every change is versioned, kept as a task update and written to the audit log.
 */
export async function updateTask(
  store: Store,
  user: User,
  id: number,
  patch: TaskPatch,
  now: string,
): Promise<TaskView> {
  const today = now.slice(0, 10);
  await store.db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!task) throw new AppError('not-found', `Không có nhiệm vụ #${id}. (No task #${id}.)`);
    if (!canChangeTask(user, task.lead_unit_id)) {
      throw new AppError(
        'forbidden',
        'Bạn chỉ được cập nhật nhiệm vụ do đơn vị mình chủ trì. (You may change only your unit’s tasks.)',
        {
          taskId: id,
        },
      );
    }
    if (patch.version !== undefined && patch.version !== task.version) {
      throw new AppError(
        'conflict',
        `Nhiệm vụ #${id} đã được người khác sửa (phiên bản ${task.version}, bạn sửa từ ${patch.version}). Hãy tải lại. (Changed by someone else; reload.)`,
        {
          currentVersion: task.version,
        },
      );
    }
    const office = user.role === 'admin' || user.role === 'office';
    if ((patch.deadline !== undefined || patch.leadUnitId !== undefined) && !office) {
      throw new AppError(
        'forbidden',
        'Chỉ văn phòng được đổi thời hạn hoặc đơn vị chủ trì. (Only the office changes deadlines and leads.)',
      );
    }
    if (patch.status === 'returned' && !office) {
      throw new AppError(
        'forbidden',
        'Chỉ văn phòng được trả lại nhiệm vụ. (Only the office returns a claim.)',
      );
    }
    if (patch.status === 'returned' && !patch.note) {
      throw new AppError(
        'invalid',
        'Trả lại cần nêu lý do trong "note". (Returning needs a reason in "note".)',
        { field: 'note' },
      );
    }
    if (patch.completedAt !== undefined && patch.completedAt > today) {
      throw new AppError(
        'invalid',
        'Ngày hoàn thành không thể ở tương lai. (Completion date is in the future.)',
        { field: 'completedAt' },
      );
    }
    const changes: Partial<Record<string, unknown>> = {};
    let kind = 'progress';
    if (patch.progress !== undefined) changes['progress'] = patch.progress;
    if (patch.note !== undefined) changes['note'] = patch.note;
    if (patch.deadline !== undefined) {
      changes['deadline'] = patch.deadline;
      kind = 'edit';
    }
    if (patch.leadUnitId !== undefined) {
      if (patch.leadUnitId !== null) {
        const unit = await trx
          .selectFrom('units')
          .select('id')
          .where('id', '=', patch.leadUnitId)
          .executeTakeFirst();
        if (!unit)
          throw new AppError('invalid', `Không có đơn vị #${patch.leadUnitId}. (No such unit.)`, {
            field: 'leadUnitId',
          });
      }
      changes['lead_unit_id'] = patch.leadUnitId;
      kind = 'edit';
    }
    if (patch.status === 'completed') {
      if (office) {
        changes['completed_at'] =
          patch.completedAt ?? (task.claimed_at ? task.claimed_at.slice(0, 10) : today);
        changes['claim'] = 'none';
        changes['progress'] = 100;
        kind = task.claim === 'claimed' ? 'confirm' : 'complete';
      } else {
        changes['claim'] = 'claimed';
        changes['claimed_at'] = patch.completedAt ? `${patch.completedAt}T00:00:00.000Z` : now;
        kind = 'claim';
      }
    } else if (patch.status === 'returned') {
      changes['claim'] = 'returned';
      changes['claimed_at'] = null;
      kind = 'return';
    } else if (patch.status === 'in_progress') {
      if (!office && task.completed_at !== null) {
        throw new AppError(
          'forbidden',
          'Chỉ văn phòng được mở lại nhiệm vụ đã hoàn thành. (Only the office reopens a completed task.)',
        );
      }
      changes['completed_at'] = null;
      changes['claim'] = 'none';
      kind = 'reopen';
    } else if (patch.completedAt !== undefined && office) {
      changes['completed_at'] = patch.completedAt;
      kind = 'complete';
    }
    if (Object.keys(changes).length === 0) {
      throw new AppError('invalid', 'Không có gì để cập nhật. (Nothing to change.)');
    }
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (task as Record<string, unknown>)[k]]),
    );
    const updated = await trx
      .updateTable('tasks')
      .set({ ...changes, updated_at: now, version: task.version + 1 })
      .where('id', '=', id)
      .where('version', '=', task.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(
        'conflict',
        `Nhiệm vụ #${id} vừa được người khác sửa. Hãy tải lại. (Changed meanwhile; reload.)`,
      );
    }
    await trx
      .insertInto('task_updates')
      .values({
        task_id: id,
        user_id: user.id,
        at: now,
        kind,
        progress: patch.progress ?? null,
        note: patch.note ?? null,
      })
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'task',
      entityId: id,
      action: kind,
      before,
      after: changes,
      at: now,
    });
  });
  return getTask(store, id, today);
}

export async function taskHistory(store: Store, id: number) {
  return store.db
    .selectFrom('task_updates')
    .leftJoin('users', 'users.id', 'task_updates.user_id')
    .select([
      'task_updates.id',
      'task_updates.at',
      'task_updates.kind',
      'task_updates.progress',
      'task_updates.note',
      'users.username',
    ])
    .where('task_updates.task_id', '=', id)
    .orderBy('task_updates.id')
    .execute();
}

/** Replaces a task's supporting (phối hợp) bodies, each a name from the text and the unit it means. */
export async function setTaskSupport(
  store: Store,
  user: User,
  id: number,
  support: readonly { name: string; unitId: number | null }[],
  now: string,
): Promise<void> {
  if (user.role !== 'admin' && user.role !== 'office') {
    throw new AppError(
      'forbidden',
      'Chỉ văn phòng được đổi đơn vị phối hợp. (Only the office changes supporting units.)',
    );
  }
  await store.db.transaction().execute(async (trx) => {
    const task = await trx
      .selectFrom('tasks')
      .select(['id', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!task) throw new AppError('not-found', `Không có nhiệm vụ #${id}. (No task #${id}.)`);
    const unitIds = support.map((s) => s.unitId).filter((u): u is number => u !== null);
    if (unitIds.length > 0) {
      const known = await trx.selectFrom('units').select('id').where('id', 'in', unitIds).execute();
      const missing = unitIds.filter((u) => !known.some((k) => k.id === u));
      if (missing.length > 0)
        throw new AppError('invalid', `Không có đơn vị #${missing.join(', #')}. (No such unit.)`, {
          field: 'support',
        });
    }
    const before = await trx
      .selectFrom('task_support')
      .select(['name', 'unit_id'])
      .where('task_id', '=', id)
      .execute();
    await trx.deleteFrom('task_support').where('task_id', '=', id).execute();
    if (support.length > 0) {
      await trx
        .insertInto('task_support')
        .values(support.map((s) => ({ task_id: id, name: s.name, unit_id: s.unitId })))
        .execute();
    }
    await trx
      .updateTable('tasks')
      .set({ version: task.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'task',
      entityId: id,
      action: 'support',
      before,
      after: support,
      at: now,
    });
  });
}

/** The sentence a task came from, its supporting bodies and the units it names, for the task page. */
export async function taskContext(store: Store, id: number) {
  const task = await store.db
    .selectFrom('tasks')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .select([
      'tasks.span_start',
      'tasks.span_end',
      'directives.source_text',
      'directives.title',
      'tasks.lead_unit_id',
    ])
    .where('tasks.id', '=', id)
    .executeTakeFirst();
  if (!task) throw new AppError('not-found', `Không có nhiệm vụ #${id}. (No task #${id}.)`);
  const support = await store.db
    .selectFrom('task_support')
    .leftJoin('units', 'units.id', 'task_support.unit_id')
    .select(['task_support.name', 'task_support.unit_id', 'units.name as unit_name'])
    .where('task_support.task_id', '=', id)
    .execute();
  const lead =
    task.lead_unit_id === null
      ? null
      : await store.db
          .selectFrom('units')
          .select('name')
          .where('id', '=', task.lead_unit_id)
          .executeTakeFirst();
  return {
    sentence:
      task.span_start !== null && task.span_end !== null
        ? task.source_text.slice(task.span_start, task.span_end)
        : null,
    directiveTitle: task.title,
    leadUnitName: lead?.name ?? null,
    support: support.map((s) => ({ name: s.name, unitId: s.unit_id, unitName: s.unit_name })),
  };
}

/** The office reminds a task's lead unit now: one notification per task and day (emailed when configured). */
export async function remindTask(
  store: Store,
  user: User,
  id: number,
  now: string,
): Promise<{ written: boolean; unitId: number }> {
  if (user.role !== 'admin' && user.role !== 'office')
    throw new AppError('forbidden', 'Chỉ văn phòng được đôn đốc. (Only the office sends reminders.)');
  const task = await store.db
    .selectFrom('tasks')
    .select(['id', 'text', 'deadline', 'lead_unit_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!task) throw new AppError('not-found', `Không có nhiệm vụ #${id}. (No task #${id}.)`);
  if (task.lead_unit_id === null)
    throw new AppError('invalid', 'Nhiệm vụ chưa có đơn vị chủ trì để đôn đốc. (The task has no lead unit.)');
  const day = now.slice(0, 10);
  const key = `${day}|${task.lead_unit_id}|manual|${id}`;
  const exists = await store.db
    .selectFrom('notifications')
    .select('id')
    .where('key', '=', key)
    .executeTakeFirst();
  if (exists) return { written: false, unitId: task.lead_unit_id };
  await store.db
    .insertInto('notifications')
    .values({
      unit_id: task.lead_unit_id,
      key,
      day,
      kind: 'manual',
      item: String(id),
      message: `Văn phòng đôn đốc nhiệm vụ${task.deadline ? ` (hạn ${task.deadline.split('-').reverse().join('/')})` : ''}: ${task.text.slice(0, 200)}`,
      created_at: now,
      emailed_at: null,
      read_at: null,
    })
    .execute();
  return { written: true, unitId: task.lead_unit_id };
}
