import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { demoServer, logIn } from '../support/http.js';
import { describeStores } from '../support/stores.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describeStores('the indicator watch', (fresh) => {
  it('colours the 2024 targets by the 2024 results, red first, and says the rule', async () => {
    app = await demoServer(await fresh());
    const viewer = await logIn(app, 'lanhdao');
    const res = (await viewer.request('GET', '/api/watch?period=2024')).json();
    expect(res.rule).toContain('Xám');
    const grdp = res.items.find(
      (r: { indicator: string; plan: { raw: string } }) =>
        r.indicator.includes('(GRDP)') && r.plan.raw === '7,5-8',
    );
    expect(grdp).toMatchObject({
      targetPeriod: '2024',
      colour: expect.stringMatching(/^(red|orange|green|grey)$/),
    });
    const order = { red: 0, orange: 1, green: 2, grey: 3 } as const;
    const colours = res.items.map((r: { colour: keyof typeof order }) => order[r.colour]);
    expect([...colours].sort((a: number, b: number) => a - b)).toEqual(colours);
    const h1 = (await viewer.request('GET', '/api/watch?period=2024-H1')).json();
    const grdpH1 = h1.items.find(
      (r: { indicator: string; plan: { raw: string } }) =>
        r.indicator.includes('(GRDP)') && r.plan.raw === '7,5-8',
    );
    // 6,81% against 7,5% is 91% of the plan: within 10%, so orange (needs attention).
    expect(grdpH1).toMatchObject({
      latest: { raw: '6,81', period: '2024-H1' },
      colour: 'orange',
      status: 'no_data',
    });
    expect((await viewer.request('GET', '/api/watch?period=2024-Q7')).statusCode).toBe(400);
  });

  it('lets a leader ask the responsible unit to explain an indicator, and keeps the answer', async () => {
    app = await demoServer(await fresh());
    const leader = await logIn(app, 'lanhdao');
    const member = await logIn(app, 'sotaichinh');
    const me = (await member.request('GET', '/api/auth/me')).json();
    const indicator = (await leader.request('GET', '/api/indicators?q=thu%20ngan%20sach')).json().items[0];
    const asked = await leader.request('POST', `/api/indicators/${indicator.id}/explanations`, {
      period: '2026-Q2',
      unitId: me.unitId,
      question: 'Vì sao thu ngân sách quý II đạt thấp?',
    });
    expect(asked.statusCode).toBe(201);
    expect(
      (
        await member.request('POST', `/api/indicators/${indicator.id}/explanations`, {
          period: '2026-Q2',
          unitId: me.unitId,
          question: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const notes = (await member.request('GET', '/api/notifications')).json();
    expect(notes.items.some((n: { kind: string }) => n.kind === 'explanation')).toBe(true);
    expect(
      (await leader.request('PATCH', `/api/explanations/${asked.json().id}`, { answer: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (
        await member.request('PATCH', `/api/explanations/${asked.json().id}`, {
          answer: 'Do thu tiền sử dụng đất chưa đạt tiến độ',
        })
      ).statusCode,
    ).toBe(200);
    const list = (await leader.request('GET', `/api/indicators/${indicator.id}/explanations`)).json();
    expect(list.items[0]).toMatchObject({
      period: '2026-Q2',
      unitName: 'Sở Tài chính',
      answer: 'Do thu tiền sử dụng đất chưa đạt tiến độ',
    });
  });
});
