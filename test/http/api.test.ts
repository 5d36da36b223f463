import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { ROOT } from '../support/built.js';
import { demoServer, logIn, multipart } from '../support/http.js';
import { describeStores } from '../support/stores.js';

const NEW_DIRECTIVE = join(ROOT, 'test', 'fixtures', 'extract', 'ke-hoach-ubnd-tinh.txt');
let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

interface TaskItem {
  id: number;
  leadUnitId: number | null;
  status: string;
  deadline: string | null;
  version: number;
}

describeStores('the HTTP API', (fresh) => {
  it('answers health checks and describes itself in OpenAPI 3', async () => {
    app = await demoServer(await fresh());
    expect((await app.inject('/api/health')).json()).toEqual({ ok: true });
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/tasks',
        '/api/tasks/{id}',
        '/api/directives',
        '/api/indicators/{id}/series',
      ]),
    );
    expect(doc.paths['/api/tasks'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'unit', 'limit']),
    );
  });

  it('logs in with an HttpOnly, SameSite=Lax session cookie and says who you are', async () => {
    app = await demoServer(await fresh());
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sotaichinh', password: 'sotaichinh-demo' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ro_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `ro_session=${cookie?.value}` } });
    expect(me.json()).toMatchObject({ username: 'sotaichinh', role: 'member', unitId: expect.any(Number) });
    expect(Object.keys(me.json())).toEqual(expect.arrayContaining(['id', 'username', 'role', 'unitId']));
  });

  it('refuses a wrong password with 401 and, after many, with 429', async () => {
    app = await demoServer(await fresh());
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanphong', password: 'wrong' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toMatchObject({
      code: 'unauthenticated',
      message: expect.stringContaining('Sai'),
    });
    for (let i = 0; i < 9; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'vanphong', password: 'wrong' },
      });
    const limited = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'vanphong', password: 'vanphong-demo' },
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lists overdue tasks with their lead unit, paginated', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const page = (await office.request('GET', '/api/tasks?status=overdue&limit=3')).json() as {
      items: TaskItem[];
      total: number;
    };
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeGreaterThan(3);
    for (const t of page.items) {
      expect(t.status).toBe('overdue');
      expect(t.deadline! < '2026-06-10').toBe(true);
      expect(t).toHaveProperty('leadUnitId');
    }
    const next = (await office.request('GET', '/api/tasks?status=overdue&limit=3&offset=3')).json() as {
      items: TaskItem[];
    };
    expect(next.items.map((t) => t.id)).not.toEqual(page.items.map((t) => t.id));
  });

  it('finds tasks by text without diacritics', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const plain = (await office.request('GET', '/api/tasks?q=giai%20ngan%20von%20dau%20tu%20cong')).json();
    const marked = (
      await office.request('GET', `/api/tasks?q=${encodeURIComponent('giải ngân vốn đầu tư công')}`)
    ).json();
    expect(plain.total).toBeGreaterThan(0);
    expect(plain.total).toBe(marked.total);
  });

  it('reads the GRDP growth series across the sample directives', async () => {
    app = await demoServer(await fresh());
    const viewer = await logIn(app, 'lanhdao');
    const found = (await viewer.request('GET', '/api/indicators?q=GRDP')).json() as {
      items: { id: number; name: string }[];
    };
    const growth = found.items.find((i) => i.name.includes('Tốc độ tăng trưởng'));
    expect(growth).toBeDefined();
    const series = (await viewer.request('GET', `/api/indicators/${growth!.id}/series`)).json() as {
      items: { period: string; kind: string; raw: string; directiveId: number }[];
    };
    const points = series.items.map((p) => `${p.period} ${p.kind} ${p.raw}`);
    expect(points).toEqual(
      expect.arrayContaining([
        '2023 result 10,05',
        '2024 target 7,5-8',
        '2024-H1 result 6,81',
        '2025 target 10-10,5',
        '2026-Q1 result 10,43',
      ]),
    );
  });

  it('uploads a new directive as a draft, then confirms it', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const { payload, headers } = multipart('ke-hoach.txt', readFileSync(NEW_DIRECTIVE));
    const created = await office.request('POST', '/api/directives', payload, headers);
    expect(created.statusCode).toBe(201);
    const { directiveId, tasks } = created.json();
    expect(tasks).toBeGreaterThan(0);
    const draft = (await office.request('GET', `/api/directives/${directiveId}`)).json();
    expect(draft.status).toBe('draft');
    const task = draft.tasks[0];
    expect(draft.text.slice(task.span[0], task.span[1]).length).toBeGreaterThan(0);
    expect((await office.request('POST', `/api/directives/${directiveId}/confirm`)).statusCode).toBe(200);
    const list = (await office.request('GET', '/api/directives?status=confirmed&limit=100')).json();
    expect(list.items.map((d: { id: number }) => d.id)).toContain(directiveId);
    const again = await office.request('POST', '/api/directives', payload, headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('duplicate-number');
  });

  it('lets a unit member update its own task but not another unit’s (403), and audits the change', async () => {
    app = await demoServer(await fresh());
    const member = await logIn(app, 'sotaichinh');
    const me = (await member.request('GET', '/api/auth/me')).json();
    const mine = (await member.request('GET', `/api/tasks?unit=${me.unitId}&status=open&limit=1`)).json()
      .items[0] as TaskItem;
    expect(mine.leadUnitId).toBe(me.unitId);
    const others = (await member.request('GET', '/api/tasks?limit=200')).json().items as TaskItem[];
    const other = others.find((t) => t.leadUnitId !== null && t.leadUnitId !== me.unitId)!;
    const denied = await member.request('PATCH', `/api/tasks/${other.id}`, { progress: 50 });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('forbidden');
    const ok = await member.request('PATCH', `/api/tasks/${mine.id}`, {
      progress: 60,
      note: 'Đã trình UBND tỉnh',
      version: mine.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ progress: 60, note: 'Đã trình UBND tỉnh', version: mine.version + 1 });
    const office = await logIn(app, 'vanphong');
    const audit = (await office.request('GET', `/api/audit?entity=task&entityId=${mine.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      username: 'sotaichinh',
      action: 'progress',
      after: { progress: 60 },
    });
    const untouched = (await office.request('GET', `/api/tasks/${other.id}`)).json();
    expect(untouched.version).toBe(other.version);
  });

  it('keeps a unit’s completion claim, the office’s confirmation and a return with its reason', async () => {
    app = await demoServer(await fresh());
    const member = await logIn(app, 'sotaichinh');
    const me = (await member.request('GET', '/api/auth/me')).json();
    const [a, b] = (await member.request('GET', `/api/tasks?unit=${me.unitId}&status=open&limit=2`)).json()
      .items as TaskItem[];
    expect(
      (
        await member.request('PATCH', `/api/tasks/${a!.id}`, {
          status: 'completed',
          completedAt: '2026-06-01',
        })
      ).json(),
    ).toMatchObject({ claim: 'claimed', completedAt: null });
    await member.request('PATCH', `/api/tasks/${b!.id}`, { status: 'completed' });
    const office = await logIn(app, 'vanphong');
    expect(
      (await office.request('PATCH', `/api/tasks/${a!.id}`, { status: 'completed' })).json(),
    ).toMatchObject({ claim: 'none', completedAt: '2026-06-01' });
    expect((await office.request('PATCH', `/api/tasks/${b!.id}`, { status: 'returned' })).statusCode).toBe(
      400,
    );
    expect(
      (
        await office.request('PATCH', `/api/tasks/${b!.id}`, {
          status: 'returned',
          note: 'Thiếu biên bản nghiệm thu',
        })
      ).json(),
    ).toMatchObject({ claim: 'returned' });
    const history = (await office.request('GET', `/api/tasks/${b!.id}`))
      .json()
      .history.map((h: { kind: string }) => h.kind);
    expect(history).toEqual(['claim', 'return']);
    expect(
      (await member.request('PATCH', `/api/tasks/${b!.id}`, { status: 'returned', note: 'x' })).statusCode,
    ).toBe(403);
  });

  it('refuses an update based on a stale version with 409', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const task = (await office.request('GET', '/api/tasks?limit=1')).json().items[0] as TaskItem;
    expect(
      (await office.request('PATCH', `/api/tasks/${task.id}`, { progress: 10, version: task.version }))
        .statusCode,
    ).toBe(200);
    const stale = await office.request('PATCH', `/api/tasks/${task.id}`, {
      progress: 20,
      version: task.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      details: { currentVersion: task.version + 1 },
    });
    const viaHeader = await office.request(
      'PATCH',
      `/api/tasks/${task.id}`,
      { progress: 20 },
      { 'if-match': `"${task.version}"` },
    );
    expect(viaHeader.statusCode).toBe(409);
  });

  it('requires a browser’s changes to come from this site with the CSRF token; scripts need no token', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const task = (await office.request('GET', '/api/tasks?limit=1')).json().items[0] as TaskItem;
    const patch = (headers: Record<string, string>) =>
      app!.inject({
        method: 'PATCH',
        url: `/api/tasks/${task.id}`,
        headers: { cookie: office.cookie, host: 'ro.local', ...headers },
        payload: { progress: 5 },
      });
    const forged = await patch({ origin: 'https://evil.example', 'x-csrf-token': office.csrf });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf');
    expect((await patch({ 'sec-fetch-site': 'cross-site', 'x-csrf-token': office.csrf })).statusCode).toBe(
      403,
    );
    expect((await patch({ origin: 'http://ro.local', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(
      403,
    );
    expect(
      (await patch({ origin: 'http://ro.local', 'sec-fetch-site': 'same-origin', 'x-csrf-token': 'wrong' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await patch({
          origin: 'http://ro.local',
          'sec-fetch-site': 'same-origin',
          'x-csrf-token': office.csrf,
        })
      ).statusCode,
    ).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
  });

  it('lets the office review a draft: suggestions, a new indicator, links, support units, deletions', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const { payload, headers } = multipart('ke-hoach.txt', readFileSync(NEW_DIRECTIVE));
    const { directiveId } = (await office.request('POST', '/api/directives', payload, headers)).json();
    const draft = (await office.request('GET', `/api/directives/${directiveId}`)).json();
    const quantity = [...draft.targets, ...draft.results][0];
    expect(quantity).toHaveProperty('indicatorSuggestions');
    const created = await office.request('POST', '/api/indicators', {
      name: 'Chỉ số thử nghiệm',
      unit: '%',
      direction: 'higher',
      aliases: ['thử nghiệm'],
    });
    expect(created.statusCode).toBe(201);
    const indicatorId = created.json().id;
    expect(
      (
        await office.request('POST', '/api/indicators', {
          name: 'chi so thu nghiem',
          unit: '%',
          direction: 'higher',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await office.request('PATCH', `/api/quantities/${quantity.id}`, {
          indicatorId,
          version: quantity.version,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await office.request('PATCH', `/api/quantities/${quantity.id}`, {
          indicatorId,
          version: quantity.version,
        })
      ).statusCode,
    ).toBe(409);
    const series = (await office.request('GET', `/api/indicators/${indicatorId}/series`)).json();
    expect(series.items.map((p: { quantityId: number }) => p.quantityId)).toEqual([quantity.id]);
    const units = (await office.request('GET', `/api/units?q=${encodeURIComponent('so tai chinh')}`)).json();
    const task = draft.tasks[0];
    const support = await office.request('POST', `/api/tasks/${task.id}/support`, {
      support: [{ name: 'Sở Tài chính', unitId: units.items[0].id }],
    });
    expect(support.statusCode).toBe(200);
    const after = (await office.request('GET', `/api/directives/${directiveId}`)).json();
    expect(after.tasks[0].support).toEqual([
      { name: 'Sở Tài chính', unitId: units.items[0].id, suggestions: [] },
    ]);
    const sentence = 'Tỷ lệ hộ nghèo';
    const at = after.text.indexOf(sentence);
    const added = await office.request('POST', `/api/directives/${directiveId}/quantities`, {
      kind: 'target',
      indicatorText: 'Tỷ lệ hộ nghèo',
      op: 'lte',
      lo: null,
      hi: 1,
      raw: '1',
      unit: '%',
      period: '2026',
      span: at >= 0 ? [at, at + sentence.length] : undefined,
    });
    expect(added.statusCode).toBe(201);
    const badRange = await office.request('POST', `/api/directives/${directiveId}/quantities`, {
      kind: 'target',
      indicatorText: 'x',
      op: 'range',
      lo: 5,
      hi: 3,
      raw: '5-3',
      unit: '%',
      period: null,
    });
    expect(badRange.statusCode).toBe(400);
    const last = after.tasks.at(-1);
    expect((await office.request('DELETE', `/api/tasks/${last.id}`)).statusCode).toBe(200);
    expect((await office.request('GET', `/api/directives/${directiveId}`)).json().tasks).toHaveLength(
      after.tasks.length - 1,
    );
    const confirmed = (await office.request('GET', '/api/tasks?limit=1')).json().items[0];
    const refused = await office.request('DELETE', `/api/tasks/${confirmed.id}`);
    expect(refused.statusCode, `${JSON.stringify(confirmed).slice(0, 200)} ${refused.body}`).toBe(409);
  });
});
