import type {} from '@fastify/cookie';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import { listAudit } from '../app/audit.js';
import { login, logout, ROLES, type LoginLimiter } from '../app/auth.js';
import {
  addQuantity,
  addTask,
  deleteDraftItem,
  getDirective,
  listDirectives,
  updateQuantity,
} from '../app/directives.js';
import { AppError } from '../app/errors.js';
import { confirmDirective, importDirective } from '../app/import-directive.js';
import { createIndicator, listIndicators, mergeIndicators } from '../app/indicators.js';
import { indicatorSeries } from '../app/series.js';
import {
  getTask,
  listTasks,
  remindTask,
  setTaskSupport,
  taskContext,
  taskHistory,
  updateTask,
} from '../app/tasks.js';
import { createUnit, importUnitsCsv, listUnits, UNIT_KINDS, updateUnit } from '../app/units.js';
import { isIsoDay } from '../domain/calendar.js';
import { foldName } from '../domain/fold.js';
import { isPeriodKey } from '../domain/period.js';
import type { Store } from '../store/db.js';
import { idParams, pageQuery, route, type AnyRoute } from './routes.js';

export interface ApiOptions {
  readonly store: Store;
  readonly now: () => Date;
  readonly limiter: LoginLimiter;
  readonly maxUploadBytes: number;
  readonly secureCookies: boolean;
}

const isoDay = z.string().refine(isIsoDay, 'phải là ngày YYYY-MM-DD có thật (a real day, YYYY-MM-DD)');
const period = z.string().refine(isPeriodKey, 'phải là kỳ YYYY, YYYY-Qn, YYYY-Hn hoặc YYYY-MM (a period)');
const text = (max: number) => z.string().max(max, `tối đa ${max} ký tự (at most ${max} characters)`);
const SESSION_COOKIE = 'ro_session';

const taskShape = z.object({
  id: z.number(),
  directiveId: z.number(),
  directiveNumber: z.string().nullable(),
  section: z.string(),
  text: z.string(),
  leadText: z.string().nullable(),
  leadUnitId: z.number().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string().nullable(),
  status: z.enum(['completed_on_time', 'completed_late', 'in_progress', 'overdue', 'no_deadline']),
  dueSoon: z.boolean(),
  daysLeft: z.number().nullable(),
  claim: z.enum(['none', 'claimed', 'returned']),
  progress: z.number(),
  completedAt: z.string().nullable(),
  note: z.string().nullable(),
  span: z.tuple([z.number(), z.number()]).nullable(),
  version: z.number(),
});
const userShape = z.object({
  id: z.number(),
  username: z.string(),
  role: z.enum(['admin', 'office', 'member', 'viewer']),
  unitId: z.number().nullable(),
});

/** A unit named in a query: its id, or its name or an alias, diacritics and abbreviations ignored. */
async function resolveUnit(store: Store, wanted: string): Promise<number> {
  if (/^\d{1,10}$/.test(wanted)) return Number(wanted);
  const folded = foldName(wanted);
  const match = (await listUnits(store)).find(
    (u) => foldName(u.name) === folded || u.aliases.some((a) => foldName(a) === folded),
  );
  if (!match)
    throw new AppError('invalid', `Không có đơn vị "${wanted}". (No such unit; see GET /api/units.)`, {
      field: 'unit',
    });
  return match.id;
}

export function apiRoutes(o: ApiOptions): AnyRoute[] {
  const nowIso = () => o.now().toISOString();
  const today = () => nowIso().slice(0, 10);
  return [
    route({
      method: 'GET',
      url: '/api/health',
      summary: 'Liveness: the server answers and the database is reachable',
      tag: 'system',
      access: 'public',
      response: z.object({ ok: z.literal(true) }),
      handler: async () => {
        await o.store.db.selectFrom('units').select('id').limit(1).execute();
        return { ok: true };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Log in; sets an HttpOnly session cookie and returns the CSRF token',
      tag: 'auth',
      access: 'public',
      body: z.object({ username: text(100), password: text(200) }).strict(),
      response: z.object({ user: userShape, csrfToken: z.string() }),
      handler: async ({ body, request, reply }) => {
        const key = `${request.ip}|${body.username.toLowerCase()}`;
        const nowMs = o.now().getTime();
        const wait = o.limiter.retryAfter(key, nowMs);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new AppError(
            'rate-limited',
            `Đăng nhập sai quá nhiều lần; thử lại sau ${Math.ceil(wait / 60)} phút. (Too many failed logins.)`,
            {
              retryAfterSeconds: wait,
            },
          );
        }
        const session = await login(o.store, body.username, body.password, o.now());
        if (!session) {
          o.limiter.fail(key, nowMs);
          throw new AppError(
            'unauthenticated',
            'Sai tên đăng nhập hoặc mật khẩu. (Wrong username or password.)',
          );
        }
        o.limiter.succeed(key);
        reply.setCookie(SESSION_COOKIE, session.id, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: o.secureCookies,
          maxAge: 12 * 3600,
        });
        return { user: session.user, csrfToken: session.csrfToken };
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      summary: 'Log out: ends the session',
      tag: 'auth',
      access: 'user',
      handler: async ({ session, reply }) => {
        if (session) await logout(o.store, session.id);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/session',
      summary: 'The current session if any: {user: null} when logged out (for the web app’s first load)',
      tag: 'auth',
      access: 'public',
      handler: async ({ session }) => ({
        user: session ? { ...session.user, csrfToken: session.csrfToken } : null,
      }),
    }),
    route({
      method: 'GET',
      url: '/api/auth/me',
      summary: 'Who is logged in, their role and unit, and the CSRF token for changes',
      tag: 'auth',
      access: 'user',
      response: userShape.extend({ csrfToken: z.string() }),
      handler: async ({ session }) => ({ ...session!.user, csrfToken: session!.csrfToken }),
    }),

    // Units
    route({
      method: 'GET',
      url: '/api/units',
      summary: 'Units (bodies, departments, communes), searchable without diacritics',
      tag: 'units',
      access: 'user',
      query: z.object({ q: text(200).optional() }),
      handler: async ({ query }) => {
        const items = await listUnits(o.store, query.q);
        return { items, total: items.length };
      },
    }),
    route({
      method: 'POST',
      url: '/api/units',
      summary: 'Create a unit',
      tag: 'units',
      access: ['admin', 'office'],
      status: 201,
      body: z
        .object({
          name: text(200).min(1),
          kind: z.enum(UNIT_KINDS),
          parentId: z.number().int().positive().nullable().optional(),
          aliases: z.array(text(100)).max(20).optional(),
        })
        .strict(),
      handler: async ({ body, user }) => createUnit(o.store, body, user!.id, nowIso()),
    }),
    route({
      method: 'PATCH',
      url: '/api/units/:id',
      summary: 'Change a unit’s reminder email or aliases',
      tag: 'units',
      access: ['admin', 'office'],
      params: idParams,
      body: z
        .object({
          email: z
            .string()
            .email('địa chỉ thư không hợp lệ (not an email address)')
            .max(200)
            .nullable()
            .optional(),
          aliases: z.array(text(100)).max(20).optional(),
        })
        .strict(),
      handler: async ({ params, body, user }) => {
        await updateUnit(o.store, user!.id, params.id, body, nowIso());
        return { ok: true };
      },
    }),
    route({
      method: 'POST',
      url: '/api/units/import',
      summary: 'Import units from CSV (name,kind,parent,aliases); all rows or none',
      tag: 'units',
      access: ['admin', 'office'],
      status: 201,
      body: z.object({ csv: text(2_000_000) }).strict(),
      handler: async ({ body, user }) => {
        const items = await importUnitsCsv(o.store, body.csv, user!.id, nowIso());
        return { items, total: items.length };
      },
    }),

    // Directives
    route({
      method: 'GET',
      url: '/api/directives',
      summary: 'Directives, newest first; filter by status or text',
      tag: 'directives',
      access: 'user',
      query: z.object({
        status: z.enum(['draft', 'confirmed']).optional(),
        q: text(200).optional(),
        ...pageQuery,
      }),
      handler: async ({ query }) => listDirectives(o.store, query),
    }),
    route({
      method: 'POST',
      url: '/api/directives',
      summary: 'Upload a directive (.txt, .md, .docx, .pdf) as multipart field "file"; it becomes a draft',
      tag: 'directives',
      access: ['admin', 'office'],
      status: 201,
      bodyContentType: 'multipart/form-data',
      body: z.object({ file: z.string().describe('the document (binary)') }),
      query: z.object({ replace: z.enum(['true', 'false']).optional() }),
      handler: async ({ request, query, user }) => {
        if (!request.isMultipart()) {
          throw new AppError(
            'invalid',
            'Hãy gửi tệp trong trường "file" của multipart/form-data. (Send the file as multipart field "file".)',
          );
        }
        const file = await request.file({ limits: { fileSize: o.maxUploadBytes, files: 1 } });
        if (!file) throw new AppError('invalid', 'Không có tệp trong yêu cầu. (No file in the request.)');
        const name = file.filename || 'upload';
        if (!/\.(txt|md|docx|pdf)$/i.test(name)) {
          file.file.resume();
          throw new AppError(
            'unreadable-file',
            `${name}: chỉ nhận .txt, .md, .docx, .pdf. (Only .txt, .md, .docx and .pdf are accepted.)`,
            {
              reason: 'unsupported-format',
            },
          );
        }
        const bytes = await file.toBuffer();
        return importDirective(o.store, {
          fileName: name,
          bytes,
          userId: user!.id,
          now: nowIso(),
          replaceDraft: query.replace === 'true',
          maxBytes: o.maxUploadBytes,
        });
      },
    }),
    route({
      method: 'GET',
      url: '/api/directives/:id',
      summary:
        'A directive for review: its text, every item with its span, citations, unit suggestions, warnings',
      tag: 'directives',
      access: 'user',
      params: idParams,
      handler: async ({ params }) => getDirective(o.store, params.id),
    }),
    route({
      method: 'POST',
      url: '/api/directives/:id/confirm',
      summary: 'Confirm a reviewed draft: its plan becomes live',
      tag: 'directives',
      access: ['admin', 'office'],
      params: idParams,
      handler: async ({ params, user }) => {
        await confirmDirective(o.store, params.id, user!.id, nowIso());
        return { id: params.id, status: 'confirmed' };
      },
    }),
    route({
      method: 'POST',
      url: '/api/directives/:id/tasks',
      summary: 'Add a task to a draft (e.g. from selected text)',
      tag: 'directives',
      access: ['admin', 'office'],
      status: 201,
      params: idParams,
      body: z
        .object({
          text: text(5000).min(1),
          section: text(50).optional(),
          leadUnitId: z.number().int().positive().nullable().optional(),
          deadline: isoDay.nullable().optional(),
          span: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
        })
        .strict(),
      handler: async ({ params, body, user }) => ({
        id: await addTask(o.store, user!, params.id, body, nowIso()),
      }),
    }),
    route({
      method: 'POST',
      url: '/api/directives/:id/quantities',
      summary: 'Add a target or result to a draft (e.g. from selected text)',
      tag: 'directives',
      access: ['admin', 'office'],
      status: 201,
      params: idParams,
      body: z
        .object({
          kind: z.enum(['target', 'result']),
          indicatorText: text(500).min(1),
          indicatorId: z.number().int().positive().nullable().optional(),
          op: z.enum(['eq', 'about', 'range', 'gt', 'gte', 'lt', 'lte']),
          lo: z.number().finite().nullable(),
          hi: z.number().finite().nullable(),
          raw: text(100).min(1),
          unit: text(100).min(1),
          period: period.nullable(),
          scope: text(200).nullable().optional(),
          span: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
        })
        .strict(),
      handler: async ({ params, body, user }) => ({
        id: await addQuantity(o.store, user!, params.id, body, nowIso()),
      }),
    }),
    route({
      method: 'DELETE',
      url: '/api/tasks/:id',
      summary: 'Delete a wrongly extracted task from a draft',
      tag: 'directives',
      access: ['admin', 'office'],
      params: idParams,
      handler: async ({ params, user }) => {
        await deleteDraftItem(o.store, user!, 'task', params.id, nowIso());
        return { ok: true };
      },
    }),
    route({
      method: 'PATCH',
      url: '/api/quantities/:id',
      summary: 'Correct a target or result, or link it to an indicator',
      tag: 'directives',
      access: ['admin', 'office'],
      params: idParams,
      body: z
        .object({
          indicatorId: z.number().int().positive().nullable().optional(),
          kind: z.enum(['target', 'result']).optional(),
          op: z.enum(['eq', 'about', 'range', 'gt', 'gte', 'lt', 'lte']).optional(),
          lo: z.number().finite().nullable().optional(),
          hi: z.number().finite().nullable().optional(),
          raw: text(100).optional(),
          unit: text(100).optional(),
          period: period.nullable().optional(),
          scope: text(200).nullable().optional(),
          version: z.number().int().positive().optional(),
        })
        .strict(),
      handler: async ({ params, body, user }) => {
        await updateQuantity(o.store, user!, params.id, body, nowIso());
        return { ok: true };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/quantities/:id',
      summary: 'Delete a wrongly extracted target or result from a draft',
      tag: 'directives',
      access: ['admin', 'office'],
      params: idParams,
      handler: async ({ params, user }) => {
        await deleteDraftItem(o.store, user!, 'quantity', params.id, nowIso());
        return { ok: true };
      },
    }),

    // Indicators
    route({
      method: 'GET',
      url: '/api/indicators',
      summary: 'Indicators by name or alias, diacritics ignored',
      tag: 'indicators',
      access: 'user',
      query: z.object({ q: text(200).optional(), ...pageQuery }),
      handler: async ({ query }) => listIndicators(o.store, query.q, query.limit, query.offset),
    }),
    route({
      method: 'GET',
      url: '/api/indicators/:id/series',
      summary:
        'Targets and results of an indicator across directives, in period order, each with its sentence',
      tag: 'indicators',
      access: 'user',
      params: idParams,
      query: z.object({ scopeUnitId: z.coerce.number().int().positive().optional() }),
      handler: async ({ params, query }) => {
        const items = await indicatorSeries(o.store, params.id, query.scopeUnitId ?? null);
        return { items, total: items.length };
      },
    }),
    route({
      method: 'POST',
      url: '/api/indicators',
      summary: 'Create an indicator (for targets no catalogued indicator covers)',
      tag: 'indicators',
      access: ['admin', 'office'],
      status: 201,
      body: z
        .object({
          name: text(300).min(1),
          unit: text(100).min(1),
          direction: z.enum(['higher', 'lower']),
          category: text(100).nullable().optional(),
          aliases: z.array(text(300)).max(50).optional(),
        })
        .strict(),
      handler: async ({ body, user }) => ({ id: await createIndicator(o.store, user!, body, nowIso()) }),
    }),
    route({
      method: 'POST',
      url: '/api/indicators/:id/merge',
      summary: 'Merge this indicator into another: values and aliases move there',
      tag: 'indicators',
      access: ['admin', 'office'],
      params: idParams,
      body: z.object({ intoId: z.number().int().positive() }).strict(),
      handler: async ({ params, body, user }) => {
        await mergeIndicators(o.store, user!, params.id, body.intoId, nowIso());
        return { ok: true };
      },
    }),

    // Tasks
    route({
      method: 'GET',
      url: '/api/tasks',
      summary: 'Tasks with their status today; filter by status, unit, directive, deadline period, text',
      tag: 'tasks',
      access: 'user',
      query: z.object({
        status: z
          .enum([
            'completed_on_time',
            'completed_late',
            'in_progress',
            'overdue',
            'no_deadline',
            'due_soon',
            'open',
            'completed',
          ])
          .optional(),
        unit: text(200).min(1).optional().describe('a unit id, or its name or alias (diacritics ignored)'),
        directive: z.coerce.number().int().positive().optional(),
        period: period.optional(),
        q: text(200).optional(),
        ...pageQuery,
      }),
      response: z.object({ items: z.array(taskShape), total: z.number() }),
      handler: async ({ query }) =>
        listTasks(
          o.store,
          {
            status: query.status,
            unitId: query.unit === undefined ? undefined : await resolveUnit(o.store, query.unit),
            directiveId: query.directive,
            period: query.period,
            q: query.q,
            limit: query.limit,
            offset: query.offset,
          },
          today(),
        ),
    }),
    route({
      method: 'GET',
      url: '/api/tasks/:id',
      summary: 'A task with its status and history of updates',
      tag: 'tasks',
      access: 'user',
      params: idParams,
      handler: async ({ params }) => ({
        ...(await getTask(o.store, params.id, today())),
        ...(await taskContext(o.store, params.id)),
        history: await taskHistory(o.store, params.id),
      }),
    }),
    route({
      method: 'PATCH',
      url: '/api/tasks/:id',
      summary:
        'Update progress, status (completed = claim by a unit / confirm by the office; returned; in_progress), note, completion date',
      tag: 'tasks',
      access: ['admin', 'office', 'member'],
      params: idParams,
      body: z
        .object({
          progress: z.number().int().min(0).max(100).optional(),
          status: z
            .enum(['completed', 'completed_on_time', 'completed_late', 'returned', 'in_progress'])
            .transform((v) => (v === 'completed_on_time' || v === 'completed_late' ? 'completed' : v))
            .optional(),
          note: text(5000).optional(),
          completedAt: isoDay.optional(),
          deadline: isoDay.nullable().optional(),
          leadUnitId: z.number().int().positive().nullable().optional(),
          version: z.number().int().positive().optional(),
        })
        .strict(),
      handler: async ({ params, body, user, request }) => {
        const ifMatch = request.headers['if-match'];
        const version =
          body.version ??
          (typeof ifMatch === 'string' && /^"?\d+"?$/.test(ifMatch)
            ? Number(ifMatch.replace(/"/g, ''))
            : undefined);
        return updateTask(o.store, user!, params.id, { ...body, version }, nowIso());
      },
    }),

    route({
      method: 'POST',
      url: '/api/tasks/:id/remind',
      summary: 'The office reminds the task’s lead unit now (once per task and day)',
      tag: 'tasks',
      access: ['admin', 'office'],
      params: idParams,
      handler: async ({ params, user }) => remindTask(o.store, user!, params.id, nowIso()),
    }),
    route({
      method: 'POST',
      url: '/api/tasks/:id/support',
      summary: 'Set a task’s supporting (phối hợp) bodies: names from the text mapped to units',
      tag: 'tasks',
      access: ['admin', 'office'],
      params: idParams,
      body: z
        .object({
          support: z
            .array(
              z.object({ name: text(500).min(1), unitId: z.number().int().positive().nullable() }).strict(),
            )
            .max(100),
        })
        .strict(),
      handler: async ({ params, body, user }) => {
        await setTaskSupport(o.store, user!, params.id, body.support, nowIso());
        return { ok: true };
      },
    }),

    // Audit
    route({
      method: 'GET',
      url: '/api/audit',
      summary: 'The audit log, newest first; filter by entity and id',
      tag: 'system',
      access: ['admin', 'office', 'viewer'],
      query: z.object({
        entity: text(50).optional(),
        entityId: z.coerce.number().int().positive().optional(),
        ...pageQuery,
      }),
      handler: async ({ query }) => listAudit(o.store, query),
    }),
    route({
      method: 'GET',
      url: '/api/roles',
      summary: 'The roles a user may have',
      tag: 'auth',
      access: 'public',
      handler: async () => ({ items: ROLES, total: ROLES.length }),
    }),
  ];
}

export { SESSION_COOKIE };
