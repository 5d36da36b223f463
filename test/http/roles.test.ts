import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { ROOT } from '../support/built.js';
import { demoServer, logIn, multipart, type Client } from '../support/http.js';

/**
 * Who may do what: each role against each action, on one demo database (SQLite; the
 * PostgreSQL runs of the other suites cover the same code paths).
 */
type Who = 'admin' | 'vanphong' | 'sotaichinh' | 'lanhdao' | 'anonymous';
const WHO: Who[] = ['admin', 'vanphong', 'sotaichinh', 'lanhdao', 'anonymous'];

let app: FastifyInstance;
let store: Store;
const clients = new Map<Who, Client | null>();
let ownTask = 0;
let otherTask = 0;
let draftId = 0;

beforeAll(async () => {
  store = openStore({ file: ':memory:' });
  await migrate(store);
  app = await demoServer(store);
  for (const who of WHO) clients.set(who, who === 'anonymous' ? null : await logIn(app, who));
  const finance = (
    await store.db
      .selectFrom('units')
      .select('id')
      .where('name', '=', 'Sở Tài chính')
      .executeTakeFirstOrThrow()
  ).id;
  ownTask = (
    await store.db
      .selectFrom('tasks')
      .select('id')
      .where('lead_unit_id', '=', finance)
      .executeTakeFirstOrThrow()
  ).id;
  otherTask = (
    await store.db
      .selectFrom('tasks')
      .select('id')
      .where('lead_unit_id', '!=', finance)
      .executeTakeFirstOrThrow()
  ).id;
  const admin = clients.get('admin')!;
  const { payload, headers } = multipart(
    'ke-hoach.txt',
    readFileSync(join(ROOT, 'test/fixtures/extract/ke-hoach-ubnd-tinh.txt')),
  );
  draftId = (await admin.request('POST', '/api/directives', payload, headers)).json().directiveId;
}, 60_000);
afterAll(async () => {
  await app.close();
  await store.close();
});

async function call(
  who: Who,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const client = clients.get(who);
  if (!client)
    return app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      ...(headers ? { headers } : {}),
    });
  return client.request(method, url, body, headers);
}

const ACTIONS: { name: string; run: (who: Who) => ReturnType<typeof call>; allowed: Who[] }[] = [
  {
    name: 'read the task list',
    run: (w) => call(w, 'GET', '/api/tasks?limit=1'),
    allowed: ['admin', 'vanphong', 'sotaichinh', 'lanhdao'],
  },
  {
    name: 'read the audit log',
    run: (w) => call(w, 'GET', '/api/audit?limit=1'),
    allowed: ['admin', 'vanphong', 'lanhdao'],
  },
  {
    name: 'update its own unit’s task',
    run: (w) => call(w, 'PATCH', `/api/tasks/${ownTask}`, { progress: 30 }),
    allowed: ['admin', 'vanphong', 'sotaichinh'],
  },
  {
    name: 'update another unit’s task',
    run: (w) => call(w, 'PATCH', `/api/tasks/${otherTask}`, { progress: 30 }),
    allowed: ['admin', 'vanphong'],
  },
  {
    name: 'change a deadline',
    run: (w) => call(w, 'PATCH', `/api/tasks/${ownTask}`, { deadline: '2026-12-31' }),
    allowed: ['admin', 'vanphong'],
  },
  {
    name: 'upload a directive',
    run: (w) => {
      const { payload, headers } = multipart('x.txt', Buffer.from('Kế hoạch thử'));
      return call(w, 'POST', '/api/directives', payload, headers);
    },
    allowed: ['admin', 'vanphong'],
  },
  {
    name: 'add a task to a draft',
    run: (w) => call(w, 'POST', `/api/directives/${draftId}/tasks`, { text: 'Nhiệm vụ bổ sung' }),
    allowed: ['admin', 'vanphong'],
  },
  {
    name: 'create a unit',
    run: (w) => call(w, 'POST', '/api/units', { name: `Đơn vị thử ${w}`, kind: 'agency' }),
    allowed: ['admin', 'vanphong'],
  },
];

describe('the role × action matrix', () => {
  for (const action of ACTIONS) {
    for (const who of WHO) {
      const expected = action.allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403;
      it(`${who} ${expected === 'allowed' ? 'may' : 'may not'} ${action.name}`, async () => {
        const res = await action.run(who);
        if (expected === 'allowed') expect(res.statusCode, res.body).toBeLessThan(300);
        else {
          expect(res.statusCode, res.body).toBe(expected);
          expect(res.json().error.code).toBe(expected === 401 ? 'unauthenticated' : 'forbidden');
        }
      });
    }
  }

  it('lets only the office confirm a draft', async () => {
    for (const who of ['sotaichinh', 'lanhdao', 'anonymous'] as const) {
      expect((await call(who, 'POST', `/api/directives/${draftId}/confirm`)).statusCode).toBe(
        who === 'anonymous' ? 401 : 403,
      );
    }
    expect((await call('vanphong', 'POST', `/api/directives/${draftId}/confirm`)).statusCode).toBe(200);
  });
});
