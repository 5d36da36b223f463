import { parsePeriod, type Period } from '../../domain/period.js';
import { taskStatus } from '../../domain/task-status.js';
import type { Store } from '../../store/db.js';
import { AppError } from '../errors.js';

export function periodOrThrow(key: string): Period {
  const p = parsePeriod(key);
  if (!p)
    throw new AppError(
      'invalid',
      `"${key}" không phải kỳ (YYYY, YYYY-Qn, YYYY-Hn, YYYY-MM). (Not a period.)`,
      { field: 'period' },
    );
  return p;
}

/**
 * The tasks a period's documents cover: due in the period, still open past their deadline by
 * its end, or completed within it.
 */
export async function periodTasks(store: Store, period: Period, today: string) {
  const rows = await store.db
    .selectFrom('tasks')
    .innerJoin('directives', 'directives.id', 'tasks.directive_id')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id',
      'tasks.section',
      'tasks.text',
      'tasks.lead_text',
      'tasks.deadline',
      'tasks.completed_at',
      'tasks.progress',
      'directives.number',
      'directives.title',
      'units.name as lead_name',
    ])
    .where('directives.status', '=', 'confirmed')
    .where((eb) =>
      eb.or([
        eb.and([eb('tasks.deadline', '>=', period.start), eb('tasks.deadline', '<=', period.end)]),
        eb.and([
          eb('tasks.deadline', '<', period.start),
          eb.or([eb('tasks.completed_at', 'is', null), eb('tasks.completed_at', '>=', period.start)]),
        ]),
        eb.and([eb('tasks.completed_at', '>=', period.start), eb('tasks.completed_at', '<=', period.end)]),
      ]),
    )
    .orderBy('tasks.deadline')
    .orderBy('tasks.id')
    .execute();
  const asOf = today < period.end ? today : period.end;
  return rows.map((r) => ({
    ...r,
    lead: r.lead_name ?? r.lead_text ?? '',
    status: taskStatus(
      {
        deadline: r.deadline,
        completedAt: r.completed_at !== null && r.completed_at <= asOf ? r.completed_at : null,
      },
      asOf,
    ),
  }));
}
