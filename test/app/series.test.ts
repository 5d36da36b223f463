import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { confirmDirective, importDirective } from '../../src/app/import-directive.js';
import { indicatorSeries } from '../../src/app/series.js';
import { ROOT } from '../support/built.js';
import { describeStores } from '../support/stores.js';

const NOW = '2026-11-22T09:00:00.000Z';

describeStores('indicator series across directives', (fresh) => {
  it('shows GRDP growth from all five samples as one series, each point linked to its sentence', async () => {
    const store = await fresh();
    for (const name of readdirSync(join(ROOT, 'samples'))) {
      const bytes = readFileSync(join(ROOT, 'samples', name));
      const { directiveId } = await importDirective(store, { fileName: name, bytes, userId: null, now: NOW });
      await confirmDirective(store, directiveId, null, NOW);
    }
    const grdp = await store.db
      .selectFrom('indicators')
      .selectAll()
      .where('name', 'like', '%(GRDP)')
      .executeTakeFirstOrThrow();
    const series = await indicatorSeries(store, grdp.id);
    const brief = series.map((p) => `${p.period} ${p.kind} ${p.op} ${p.raw}`);
    for (const point of [
      '2023 result eq 10,05',
      '2024 target range 7,5-8',
      '2024 target gt 8',
      '2024-H1 result eq 6,81',
      '2025 target range 10-10,5',
      '2026-Q1 result eq 10,43',
    ]) {
      expect(brief).toContain(point);
    }
    const order = [
      '2023 result eq 10,05',
      '2024 target range 7,5-8',
      '2024-H1 result eq 6,81',
      '2025 target range 10-10,5',
      '2026-Q1 result eq 10,43',
    ];
    const positions = order.map((p) => brief.indexOf(p));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const directives = await store.db.selectFrom('directives').select(['id', 'source_text']).execute();
    for (const point of series) {
      const source = directives.find((d) => d.id === point.directiveId)?.source_text ?? '';
      expect(point.span && source.slice(point.span[0], point.span[1])).toBe(point.text);
    }
  });
});

describeStores('a later directive adjusting a target', (fresh) => {
  it('keeps the original target and records which directive changed it', async () => {
    const store = await fresh();
    const first =
      'HỘI ĐỒNG NHÂN DÂN TỈNH X\nSố: 10/NQ-HĐND\n\nNGHỊ QUYẾT\nVề nhiệm vụ năm 2025\n\nĐiều 1. Chỉ tiêu chủ yếu năm 2025\n1. Tốc độ tăng trưởng kinh tế (GRDP) phấn đấu đạt 8%.\n';
    const later =
      'HỘI ĐỒNG NHÂN DÂN TỈNH X\nSố: 20/NQ-HĐND\n\nNGHỊ QUYẾT\nVề điều chỉnh chỉ tiêu năm 2025\n\nĐiều 1. Chỉ tiêu chủ yếu năm 2025\n1. Tốc độ tăng trưởng kinh tế (GRDP) phấn đấu đạt 10%.\n';
    for (const [name, text] of [
      ['a.txt', first],
      ['b.txt', later],
    ] as const) {
      const { directiveId } = await importDirective(store, {
        fileName: name,
        bytes: Buffer.from(text),
        userId: null,
        now: NOW,
      });
      await confirmDirective(store, directiveId, null, NOW);
    }
    const grdp = await store.db
      .selectFrom('indicators')
      .select('id')
      .where('name', 'like', '%(GRDP)')
      .executeTakeFirstOrThrow();
    const series = await indicatorSeries(store, grdp.id);
    const original = series.find((p) => p.raw === '8');
    const adjusted = series.find((p) => p.raw === '10');
    expect(original).toMatchObject({
      period: '2025',
      directiveNumber: '10/NQ-HĐND',
      adjustedBy: adjusted?.quantityId,
    });
    expect(adjusted).toMatchObject({
      period: '2025',
      directiveNumber: '20/NQ-HĐND',
      adjusts: original?.quantityId,
    });
  });
});
