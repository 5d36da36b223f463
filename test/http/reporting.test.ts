import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { demoServer, logIn, multipart, type Client } from '../support/http.js';
import { describeStores } from '../support/stores.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

interface Report {
  id: number;
  status: string;
  version: number;
  content: {
    tasks: {
      taskId: number;
      progress: number;
      status: string;
      completedAt: string | null;
      narrative: string;
    }[];
  };
}

async function openQ2(client: Client): Promise<Report> {
  const regimes = (await client.request('GET', '/api/regimes')).json();
  const res = await client.request('POST', '/api/reports', {
    regimeId: regimes.items[0].id,
    period: '2026-Q2',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function counts(store: Store) {
  const n = async (t: 'reports' | 'report_versions' | 'quantities' | 'task_updates') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    reports: await n('reports'),
    versions: await n('report_versions'),
    quantities: await n('quantities'),
    updates: await n('task_updates'),
  };
}

describeStores('periodic reports', (fresh) => {
  it('a unit submits its quarterly report; tasks, compilation and scorecard reflect it at once; a return keeps both versions', async () => {
    app = await demoServer(await fresh());
    const member = await logIn(app, 'sotaichinh');
    const office = await logIn(app, 'vanphong');
    const draft = await openQ2(member);
    expect(draft.status).toBe('draft');
    expect(draft.content.tasks.length).toBeGreaterThan(1);
    const [first, second] = draft.content.tasks;
    const indicators = (await office.request('GET', '/api/indicators?q=thu%20ngan%20sach')).json();
    const content = {
      tasks: [
        { ...first!, progress: 70, narrative: 'Đã trình phương án phân bổ vốn' },
        {
          ...second!,
          status: 'completed',
          completedAt: '2026-06-05',
          progress: 100,
          narrative: 'Đã hoàn thành',
        },
      ],
      indicators: indicators.items.length
        ? [{ indicatorId: indicators.items[0].id, value: 20889, raw: '20.889', unit: 'tỷ đồng', scope: null }]
        : [],
      difficulties: [{ text: 'Giải phóng mặt bằng các dự án trọng điểm còn chậm', taskId: first!.taskId }],
      recommendations: [{ text: 'Đề nghị UBND tỉnh bổ sung vốn chuẩn bị đầu tư' }],
    };
    const saved = await member.request('PATCH', `/api/reports/${draft.id}`, {
      content,
      version: draft.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const before = (await office.request('GET', '/api/scorecard?period=2026-Q2')).json();
    const submitted = await member.request('POST', `/api/reports/${draft.id}/submit`);
    expect(submitted.json().status).toBe('submitted');

    const task1 = (await office.request('GET', `/api/tasks/${first!.taskId}`)).json();
    expect(task1).toMatchObject({ progress: 70, note: 'Đã trình phương án phân bổ vốn' });
    const task2 = (await office.request('GET', `/api/tasks/${second!.taskId}`)).json();
    expect(task2).toMatchObject({ claim: 'claimed', progress: 100 });
    const compiled = (await office.request('GET', '/api/compilation?period=2026-Q2')).json();
    expect(compiled.byUnit['Sở Tài chính'].map((n: { text: string }) => n.text)).toEqual([
      'Giải phóng mặt bằng các dự án trọng điểm còn chậm',
      'Đề nghị UBND tỉnh bổ sung vốn chuẩn bị đầu tư',
    ]);
    expect(compiled.notes[0].taskId).toBe(first!.taskId);
    expect(compiled.overdue.length).toBeGreaterThan(0);
    const after = (await office.request('GET', '/api/scorecard?period=2026-Q2')).json();
    const card = (list: { items: { name: string; reportsOnTime: number }[] }) =>
      list.items.find((c) => c.name === 'Sở Tài chính');
    expect(card(before)?.reportsOnTime ?? 0).toBe(0);
    expect(card(after)?.reportsOnTime).toBe(1);
    expect(after.formula.text).toContain('50 ×');
    const status = (await office.request('GET', '/api/reports/status?period=2026-Q2')).json();
    expect(status.items.find((i: { unitName: string }) => i.unitName === 'Sở Tài chính')).toMatchObject({
      state: 'on_time',
      period: '2026-Q2',
    });
    expect(status.onTime).toBe(1);
    expect(status.total).toBe(status.onTime + status.late + status.missing + status.notYetDue);
    const owed = (await member.request('GET', '/api/reports/status?period=2026-Q2')).json();
    expect(owed.items.map((i: { unitName: string }) => i.unitName)).toEqual(['Sở Tài chính']);

    // Confirming the claim completes the task on the claimed day.
    expect(
      (await office.request('PATCH', `/api/tasks/${second!.taskId}`, { status: 'completed' })).json(),
    ).toMatchObject({ completedAt: '2026-06-05' });

    const returned = await office.request('POST', `/api/reports/${draft.id}/return`, {
      reason: 'Bổ sung số liệu giải ngân',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Bổ sung số liệu giải ngân' });
    const revised = {
      ...content,
      difficulties: [...content.difficulties, { text: 'Thiếu nhân lực thẩm định' }],
    };
    expect((await member.request('PATCH', `/api/reports/${draft.id}`, { content: revised })).statusCode).toBe(
      200,
    );
    expect((await member.request('POST', `/api/reports/${draft.id}/submit`)).statusCode).toBe(200);
    const versions = (await office.request('GET', `/api/reports/${draft.id}/versions`)).json();
    expect(
      versions.items.map(
        (v: { number: number; returnReason: string | null; content: { difficulties: unknown[] } }) => [
          v.number,
          v.returnReason,
          v.content.difficulties.length,
        ],
      ),
    ).toEqual([
      [1, 'Bổ sung số liệu giải ngân', 1],
      [2, null, 2],
    ]);
    if (content.indicators.length) {
      const series = (
        await office.request('GET', `/api/indicators/${content.indicators[0]!.indicatorId}/series`)
      ).json();
      expect(
        series.items.filter(
          (p: { period: string; raw: string }) => p.period === '2026-Q2' && p.raw === '20.889',
        ),
      ).toHaveLength(1);
    }
  });

  it('refuses a closed or future period, another unit’s task, 140% and a badly written date, saving nothing', async () => {
    const store = await fresh();
    app = await demoServer(store);
    const member = await logIn(app, 'sotaichinh');
    const regimeId = (await member.request('GET', '/api/regimes')).json().items[0].id;
    for (const period of ['2026-Q4', '2026-06', '2026-13', 'quý 2']) {
      const res = await member.request('POST', '/api/reports', { regimeId, period });
      expect(res.statusCode, period).toBe(400);
      expect(res.json().error.code).toBe('invalid');
    }
    const draft = await openQ2(member);
    const before = await counts(store);
    const entry = draft.content.tasks[0]!;
    const others = (await member.request('GET', '/api/tasks?limit=200'))
      .json()
      .items.filter(
        (t: { leadUnitId: number | null }) =>
          t.leadUnitId !== null && t.leadUnitId !== (draft as unknown as { unitId: number }).unitId,
      );
    const empty = { indicators: [], difficulties: [], recommendations: [] };
    const foreign = await member.request('PATCH', `/api/reports/${draft.id}`, {
      content: { ...empty, tasks: [{ ...entry, taskId: others[0].id }] },
    });
    expect(foreign.statusCode).toBe(403);
    const tooMuch = await member.request('PATCH', `/api/reports/${draft.id}`, {
      content: { ...empty, tasks: [{ ...entry, progress: 140 }] },
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toMatch(/0–100/);
    const badDate = await member.request('PATCH', `/api/reports/${draft.id}`, {
      content: { ...empty, tasks: [{ ...entry, status: 'completed', completedAt: '05/06/2026' }] },
    });
    expect(badDate.statusCode).toBe(400);
    expect(
      (await member.request('POST', '/api/reports', { regimeId, period: '2026-Q2', unitId: 1 })).statusCode,
    ).toBe(403);
    const viewer = await logIn(app, 'lanhdao');
    expect((await viewer.request('POST', `/api/reports/${draft.id}/submit`)).statusCode).toBe(403);
    expect(await counts(store)).toEqual(before);
  });

  it('counts the targets assigned to a unit as met or not from the values it reports', async () => {
    app = await demoServer(await fresh());
    const office = await logIn(app, 'vanphong');
    const member = await logIn(app, 'sotaichinh');
    const me = (await member.request('GET', '/api/auth/me')).json();
    const text =
      'HỘI ĐỒNG NHÂN DÂN TỈNH X\nSố: 30/NQ-HĐND\n\nNGHỊ QUYẾT\nVề dự toán ngân sách năm 2026\n\nĐiều 1. Chỉ tiêu chủ yếu năm 2026\n1. Thu ngân sách nhà nước trên địa bàn đạt 40.000 tỷ đồng.\n';
    const { payload, headers } = multipart('du-toan.txt', Buffer.from(text));
    const { directiveId } = (await office.request('POST', '/api/directives', payload, headers)).json();
    const draft = (await office.request('GET', `/api/directives/${directiveId}`)).json();
    const indicatorId = draft.targets[0].indicatorId;
    expect(indicatorId).toEqual(expect.any(Number));
    await office.request('POST', `/api/directives/${directiveId}/confirm`);
    const regime = await office.request('POST', '/api/regimes', {
      name: 'Báo cáo thu ngân sách năm',
      content: { tasks: 'led', indicatorIds: [indicatorId] },
      frequency: 'year',
      receiverUnitId: null,
      unitIds: [me.unitId],
      startsOn: '2026-01-01',
    });
    expect(regime.statusCode).toBe(201);
    const report = (
      await member.request('POST', '/api/reports', { regimeId: regime.json().id, period: '2026' })
    ).json();
    const content = {
      tasks: [],
      indicators: [{ indicatorId, value: 41200, raw: '41.200', unit: 'tỷ đồng', scope: null }],
      difficulties: [],
      recommendations: [],
    };
    expect((await member.request('PATCH', `/api/reports/${report.id}`, { content })).statusCode).toBe(200);
    expect((await member.request('POST', `/api/reports/${report.id}/submit`)).statusCode).toBe(200);
    const card = (await office.request('GET', '/api/scorecard?period=2026'))
      .json()
      .items.find((c: { name: string }) => c.name === 'Sở Tài chính');
    expect(card).toMatchObject({ targetsMet: 1, targetsAssessed: 1 });
  });
});
