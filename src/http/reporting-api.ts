import { z } from 'zod';
import { AppError } from '../app/errors.js';
import { compilation, notificationsFor, scorecards } from '../app/followup.js';
import {
  createRegime,
  obligations,
  getReport,
  listRegimes,
  listReports,
  openReport,
  reportVersions,
  returnReport,
  saveReport,
  submitReport,
} from '../app/reports.js';
import { isIsoDay } from '../domain/calendar.js';
import { isPeriodKey, parsePeriod } from '../domain/period.js';
import { SCORE_WEIGHTS } from '../domain/scorecard.js';
import { watchTable } from '../app/watch.js';
import { answerExplanation, askExplanation, listExplanations } from '../app/explanations.js';
import { PassThrough } from 'node:stream';
import { CONTENT_TYPES, checkExport, writeExport } from '../app/exports/index.js';
import type { Store } from '../store/db.js';
import { idParams, route, type AnyRoute } from './routes.js';

const text = (max: number) => z.string().max(max, `tối đa ${max} ký tự (at most ${max} characters)`);
const isoDay = z.string().refine(isIsoDay, 'phải là ngày YYYY-MM-DD có thật (a real day, YYYY-MM-DD)');
const period = z.string().refine(isPeriodKey, 'phải là kỳ YYYY, YYYY-Qn, YYYY-Hn hoặc YYYY-MM (a period)');
const note = z
  .object({
    text: text(5000).min(1),
    taskId: z.number().int().positive().nullable().optional(),
    indicatorId: z.number().int().positive().nullable().optional(),
  })
  .strict();

export const reportContentSchema = z
  .object({
    tasks: z
      .array(
        z
          .object({
            taskId: z.number().int().positive(),
            progress: z
              .number()
              .int()
              .min(0, 'tiến độ 0–100% (progress 0–100)')
              .max(100, 'tiến độ 0–100% (progress 0–100)'),
            status: z.enum(['in_progress', 'completed']),
            completedAt: isoDay.nullable(),
            narrative: text(10_000),
          })
          .strict(),
      )
      .max(2000),
    indicators: z
      .array(
        z
          .object({
            indicatorId: z.number().int().positive(),
            value: z.number().finite(),
            raw: text(50).min(1),
            unit: text(100).min(1),
            scope: text(200).nullable(),
          })
          .strict(),
      )
      .max(2000),
    difficulties: z.array(note).max(200),
    recommendations: z.array(note).max(200),
  })
  .strict();

export function reportingRoutes(o: { store: Store; now: () => Date }): AnyRoute[] {
  const nowIso = () => o.now().toISOString();
  const today = () => nowIso().slice(0, 10);
  return [
    route({
      method: 'GET',
      url: '/api/regimes',
      summary: 'Reporting regimes: content, who reports, who receives, frequency, cut-off, deadline, outline',
      tag: 'reports',
      access: 'user',
      handler: async () => {
        const items = await listRegimes(o.store);
        return { items, total: items.length };
      },
    }),
    route({
      method: 'POST',
      url: '/api/regimes',
      summary: 'Define a reporting regime',
      tag: 'reports',
      access: ['admin', 'office'],
      status: 201,
      body: z
        .object({
          name: text(300).min(1),
          content: z
            .object({
              tasks: z.enum(['led', 'led_and_supported']),
              indicatorIds: z.array(z.number().int().positive()).max(500),
            })
            .strict(),
          frequency: z.enum(['month', 'quarter', 'half', 'year']),
          receiverUnitId: z.number().int().positive().nullable(),
          unitIds: z.array(z.number().int().positive()).min(1).max(2000),
          cutoffDaysBeforeEnd: z.number().int().min(0).max(60).default(0),
          submitDaysAfterEnd: z.number().int().min(-31).max(90).default(5),
          template: text(20_000).default(''),
          startsOn: isoDay.optional(),
        })
        .strict(),
      handler: async ({ body, user }) => ({ id: await createRegime(o.store, user!, body, nowIso()) }),
    }),
    route({
      method: 'GET',
      url: '/api/reports',
      summary: 'Reports by period, unit and status (a unit member sees its own)',
      tag: 'reports',
      access: 'user',
      query: z.object({
        period: period.optional(),
        unit: z.coerce.number().int().positive().optional(),
        status: z.enum(['draft', 'submitted', 'returned']).optional(),
      }),
      handler: async ({ query, user }) => {
        const unitId = user!.role === 'member' ? (user!.unitId ?? -1) : query.unit;
        const items = await listReports(o.store, { period: query.period, unitId, status: query.status });
        return { items, total: items.length };
      },
    }),
    route({
      method: 'GET',
      url: '/api/reports/status',
      summary:
        'Completeness and timeliness: every report owed in a period, submitted on time, late, missing or not yet due (a unit member sees what its unit owes)',
      tag: 'reports',
      access: 'user',
      query: z.object({ period }),
      handler: async ({ query, user }) => {
        const p = parsePeriod(query.period)!;
        const asOf = today();
        const owed = (await obligations(o.store, asOf < p.end ? asOf : p.end, p.start)).filter((x) => {
          const rp = parsePeriod(x.period);
          return (
            rp !== null &&
            rp.start >= p.start &&
            rp.end <= p.end &&
            (user!.role !== 'member' || x.unitId === user!.unitId)
          );
        });
        const units = new Map(
          (await o.store.db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]),
        );
        const items = owed.map((x) => ({
          ...x,
          unitName: units.get(x.unitId) ?? '',
          state:
            x.submittedOn === null
              ? x.due < asOf
                ? 'missing'
                : 'not_yet_due'
              : x.submittedOn <= x.due
                ? 'on_time'
                : 'late',
        }));
        const count = (state: string) => items.filter((i) => i.state === state).length;
        return {
          items,
          total: items.length,
          onTime: count('on_time'),
          late: count('late'),
          missing: count('missing'),
          notYetDue: count('not_yet_due'),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/reports',
      summary: 'Open the unit’s report for a period (a draft pre-filled with its tasks), or the existing one',
      tag: 'reports',
      access: ['admin', 'office', 'member'],
      body: z
        .object({
          regimeId: z.number().int().positive(),
          period: z.string().max(20),
          unitId: z.number().int().positive().optional(),
        })
        .strict(),
      handler: async ({ body, user }) =>
        openReport(o.store, user!, body.regimeId, body.period, body.unitId ?? null, nowIso()),
    }),
    route({
      method: 'GET',
      url: '/api/reports/:id',
      summary: 'A report',
      tag: 'reports',
      access: 'user',
      params: idParams,
      handler: async ({ params, user }) => getReport(o.store, user!, params.id),
    }),
    route({
      method: 'PATCH',
      url: '/api/reports/:id',
      summary: 'Save the draft: task entries, indicator values, difficulties, recommendations',
      tag: 'reports',
      access: ['admin', 'office', 'member'],
      params: idParams,
      body: z
        .object({ content: reportContentSchema, version: z.number().int().positive().optional() })
        .strict(),
      handler: async ({ params, body, user }) =>
        saveReport(o.store, user!, params.id, body.content, body.version, nowIso()),
    }),
    route({
      method: 'POST',
      url: '/api/reports/:id/submit',
      summary: 'Submit: a new version is kept; tasks and observations update at once',
      tag: 'reports',
      access: ['admin', 'office', 'member'],
      params: idParams,
      handler: async ({ params, user }) => submitReport(o.store, user!, params.id, nowIso()),
    }),
    route({
      method: 'POST',
      url: '/api/reports/:id/return',
      summary: 'Return a submitted report for revision, with the reason',
      tag: 'reports',
      access: ['admin', 'office'],
      params: idParams,
      body: z.object({ reason: text(5000).min(1, 'nêu lý do trả lại (give the reason)') }).strict(),
      handler: async ({ params, body, user }) =>
        returnReport(o.store, user!, params.id, body.reason, nowIso()),
    }),
    route({
      method: 'GET',
      url: '/api/reports/:id/versions',
      summary: 'Every submitted version of a report, with returns and their reasons',
      tag: 'reports',
      access: 'user',
      params: idParams,
      handler: async ({ params, user }) => {
        const items = await reportVersions(o.store, user!, params.id);
        return { items, total: items.length };
      },
    }),
    route({
      method: 'GET',
      url: '/api/compilation',
      summary:
        'For the office: difficulties and recommendations by unit and topic, and the overdue list, for a period',
      tag: 'reports',
      access: ['admin', 'office', 'viewer'],
      query: z.object({ period }),
      handler: async ({ query }) => compilation(o.store, query.period, today()),
    }),
    route({
      method: 'GET',
      url: '/api/watch',
      summary:
        'The target table of a period: plan, latest actual, percent of plan, status and watch colour (red first)',
      tag: 'reports',
      access: 'user',
      query: z.object({ period }),
      handler: async ({ query }) => {
        const items = await watchTable(o.store, query.period);
        return {
          items,
          total: items.length,
          rule: 'Xám: chưa có số liệu hoặc số liệu chưa phủ 1/4 kỳ; xanh: đạt hoặc đúng tiến độ; cam: chậm dưới 10% so với kế hoạch theo tiến độ; đỏ: chậm từ 10% trở lên. Chỉ tiêu tỷ lệ (%) so sánh trực tiếp; chỉ tiêu số lượng so với kế hoạch × phần kỳ đã qua.',
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/indicators/:id/explanations',
      summary: 'A leader asks the responsible unit to explain an indicator for a period',
      tag: 'indicators',
      access: ['admin', 'office', 'viewer'],
      status: 201,
      params: idParams,
      body: z
        .object({
          period: z.string().max(20),
          unitId: z.number().int().positive(),
          question: text(5000).min(1),
        })
        .strict(),
      handler: async ({ params, body, user }) => ({
        id: await askExplanation(o.store, user!, params.id, body, nowIso()),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/indicators/:id/explanations',
      summary: 'Requests for explanation of an indicator and the units’ answers',
      tag: 'indicators',
      access: 'user',
      params: idParams,
      handler: async ({ params }) => {
        const items = await listExplanations(o.store, params.id);
        return { items, total: items.length };
      },
    }),
    route({
      method: 'PATCH',
      url: '/api/explanations/:id',
      summary: 'The unit answers a request for explanation',
      tag: 'indicators',
      access: ['admin', 'office', 'member'],
      params: idParams,
      body: z.object({ answer: text(10_000).min(1) }).strict(),
      handler: async ({ params, body, user }) => {
        await answerExplanation(o.store, user!, params.id, body.answer, nowIso());
        return { ok: true };
      },
    }),
    route({
      method: 'GET',
      url: '/api/scorecard',
      summary: 'Unit scorecards for a period, ranked, with the formula',
      tag: 'reports',
      access: 'user',
      query: z.object({ period }),
      handler: async ({ query }) => {
        const items = await scorecards(o.store, query.period, today());
        return {
          items,
          total: items.length,
          formula: {
            weights: SCORE_WEIGHTS,
            text: 'Điểm = 50 × tỷ lệ đúng hạn + 20 × (1 − tỷ lệ quá hạn) + 20 × tỷ lệ báo cáo đúng hạn + 10 × tỷ lệ chỉ tiêu đạt; phần không có gì để đo được bỏ qua và các phần còn lại quy về thang 100. Bằng điểm thì cùng hạng.',
          },
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/exports/:kind',
      summary: 'Download the targets, tasks or scorecard (.xlsx) or the compiled report (.docx) of a period',
      tag: 'reports',
      access: 'user',
      params: z.object({ kind: z.enum(['targets', 'tasks', 'scorecard', 'report']) }),
      query: z.object({ period, format: z.enum(['xlsx', 'docx']) }),
      handler: async ({ params, query, reply }) => {
        checkExport(params.kind, query.format);
        const stream = new PassThrough();
        const done = writeExport(
          o.store,
          { kind: params.kind, format: query.format, period: query.period, today: today() },
          stream,
        );
        done.catch((error: unknown) => stream.destroy(error as Error));
        reply
          .header('content-type', CONTENT_TYPES[query.format])
          .header(
            'content-disposition',
            `attachment; filename="ro-${params.kind}-${query.period}.${query.format}"`,
          );
        return reply.send(stream);
      },
    }),
    route({
      method: 'GET',
      url: '/api/notifications',
      summary: 'Reminders written for a unit (a member sees its own unit’s)',
      tag: 'reports',
      access: 'user',
      query: z.object({
        unit: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
      handler: async ({ query, user }) => {
        const unitId = user!.role === 'member' ? user!.unitId : (query.unit ?? null);
        if (unitId === null)
          throw new AppError('invalid', 'Hãy chọn đơn vị (unit). (Choose a unit.)', { field: 'unit' });
        const items = await notificationsFor(o.store, unitId, query.limit);
        return { items, total: items.length };
      },
    }),
  ];
}
