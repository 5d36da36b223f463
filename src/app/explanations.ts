import { isPeriodKey } from '../domain/period.js';
import type { Store } from '../store/db.js';
import { audit } from './audit.js';
import type { User } from './auth.js';
import { AppError } from './errors.js';

/** A leader asks the responsible unit to explain an indicator for a period; the answer is kept with it. */
export async function askExplanation(
  store: Store,
  user: User,
  indicatorId: number,
  input: { period: string; unitId: number; question: string },
  now: string,
): Promise<number> {
  if (user.role === 'member')
    throw new AppError(
      'forbidden',
      'Lãnh đạo hoặc văn phòng mới yêu cầu giải trình. (Leaders or the office ask for explanations.)',
    );
  if (!isPeriodKey(input.period))
    throw new AppError('invalid', `"${input.period}" không phải kỳ. (Not a period.)`, { field: 'period' });
  return store.db.transaction().execute(async (trx) => {
    const indicator = await trx
      .selectFrom('indicators')
      .select('id')
      .where('id', '=', indicatorId)
      .executeTakeFirst();
    if (!indicator) throw new AppError('not-found', `Không có chỉ số #${indicatorId}. (No such indicator.)`);
    const unit = await trx.selectFrom('units').select('id').where('id', '=', input.unitId).executeTakeFirst();
    if (!unit)
      throw new AppError('invalid', `Không có đơn vị #${input.unitId}. (No such unit.)`, { field: 'unitId' });
    const row = await trx
      .insertInto('explanations')
      .values({
        indicator_id: indicatorId,
        period: input.period,
        unit_id: input.unitId,
        question: input.question,
        asked_by: user.id,
        asked_at: now,
        answer: null,
        answered_by: null,
        answered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('notifications')
      .values({
        unit_id: input.unitId,
        key: `explanation|${row.id}`,
        day: now.slice(0, 10),
        kind: 'explanation',
        item: String(row.id),
        message: `Đề nghị giải trình chỉ số kỳ ${input.period}: ${input.question.slice(0, 200)}`,
        created_at: now,
        emailed_at: null,
        read_at: null,
      })
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'explanation',
      entityId: row.id,
      action: 'ask',
      after: input,
      at: now,
    });
    return row.id;
  });
}

export async function answerExplanation(
  store: Store,
  user: User,
  id: number,
  answer: string,
  now: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('explanations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not-found', `Không có yêu cầu giải trình #${id}. (No such request.)`);
    const mayAnswer =
      user.role === 'admin' ||
      user.role === 'office' ||
      (user.role === 'member' && user.unitId === row.unit_id);
    if (!mayAnswer)
      throw new AppError(
        'forbidden',
        'Chỉ đơn vị được yêu cầu mới trả lời. (Only the unit asked may answer.)',
      );
    await trx
      .updateTable('explanations')
      .set({ answer, answered_by: user.id, answered_at: now })
      .where('id', '=', id)
      .execute();
    await audit(trx, {
      userId: user.id,
      entity: 'explanation',
      entityId: id,
      action: 'answer',
      before: { answer: row.answer },
      after: { answer },
      at: now,
    });
  });
}

export async function listExplanations(store: Store, indicatorId: number) {
  const rows = await store.db
    .selectFrom('explanations')
    .innerJoin('units', 'units.id', 'explanations.unit_id')
    .select([
      'explanations.id',
      'explanations.period',
      'explanations.unit_id',
      'units.name',
      'explanations.question',
      'explanations.asked_at',
      'explanations.answer',
      'explanations.answered_at',
    ])
    .where('explanations.indicator_id', '=', indicatorId)
    .orderBy('explanations.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    period: r.period,
    unitId: r.unit_id,
    unitName: r.name,
    question: r.question,
    askedAt: r.asked_at,
    answer: r.answer,
    answeredAt: r.answered_at,
  }));
}
