import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AppError } from '../../src/app/errors.js';
import { confirmDirective, importDirective } from '../../src/app/import-directive.js';
import type { Store } from '../../src/store/db.js';
import { ROOT } from '../support/built.js';
import { describeStores } from '../support/stores.js';

const NOW = '2026-11-22T09:00:00.000Z';
const sampleFile = (name: string) => ({ fileName: name, bytes: readFileSync(join(ROOT, 'samples', name)) });
const RESOLUTION = '001_c59187114e89ad75.txt';

async function count(
  store: Store,
  table: 'directives' | 'tasks' | 'quantities' | 'audit_log' | 'citations',
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeStores('importing a directive', (fresh) => {
  it('stores a draft with its targets, results, tasks and citations, each pointing at its sentence', async () => {
    const store = await fresh();
    const summary = await importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    expect(summary.number).toBe('412/NQ-HĐND');
    expect(summary.targets).toBeGreaterThan(10);
    const directive = await store.db.selectFrom('directives').selectAll().executeTakeFirstOrThrow();
    expect(directive).toMatchObject({ status: 'draft', issued_on: '2023-12-07', type: 'nghi_quyet' });
    const target = await store.db
      .selectFrom('quantities')
      .selectAll()
      .where('kind', '=', 'target')
      .executeTakeFirstOrThrow();
    expect(directive.source_text.slice(target.span_start ?? 0, target.span_end ?? 0)).toBe(target.text);
    expect(await count(store, 'tasks')).toBe(summary.tasks);
    expect(await count(store, 'citations')).toBeGreaterThan(0);
    expect(Buffer.from(directive.file_data).equals(sampleFile(RESOLUTION).bytes)).toBe(true);
  });

  it('keeps the value exactly as written beside its number', async () => {
    const store = await fresh();
    await importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    const range = await store.db
      .selectFrom('quantities')
      .selectAll()
      .where('raw', '=', '7,5-8')
      .executeTakeFirstOrThrow();
    expect(range).toMatchObject({ op: 'range', lo: 7.5, hi: 8, unit: '%', period: '2024' });
  });

  it('refuses a second directive with the same number and leaves the first untouched', async () => {
    const store = await fresh();
    await importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    const before = await count(store, 'quantities');
    const again = importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    await expect(again).rejects.toThrow(AppError);
    await expect(again).rejects.toMatchObject({ code: 'duplicate-number' });
    expect(await count(store, 'directives')).toBe(1);
    expect(await count(store, 'quantities')).toBe(before);
  });

  it('replaces a draft with the same number when asked', async () => {
    const store = await fresh();
    const first = await importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    const second = await importDirective(store, {
      ...sampleFile(RESOLUTION),
      userId: null,
      now: NOW,
      replaceDraft: true,
    });
    expect(second.replacedDraftId).toBe(first.directiveId);
    expect(await count(store, 'directives')).toBe(1);
  });

  it('never replaces a confirmed directive', async () => {
    const store = await fresh();
    const first = await importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW });
    await confirmDirective(store, first.directiveId, null, NOW);
    await expect(
      importDirective(store, { ...sampleFile(RESOLUTION), userId: null, now: NOW, replaceDraft: true }),
    ).rejects.toMatchObject({
      code: 'duplicate-number',
    });
  });

  it('saves nothing when the file cannot be read', async () => {
    const store = await fresh();
    const broken = importDirective(store, {
      fileName: 'x.docx',
      bytes: Buffer.from('PK\u0003\u0004garbage'),
      userId: null,
      now: NOW,
    });
    await expect(broken).rejects.toMatchObject({ code: 'unreadable-file' });
    expect(await count(store, 'directives')).toBe(0);
    expect(await count(store, 'audit_log')).toBe(0);
  });

  it('imports all five samples and confirms them, each step in the audit log', async () => {
    const store = await fresh();
    for (const name of readdirSync(join(ROOT, 'samples'))) {
      const summary = await importDirective(store, { ...sampleFile(name), userId: null, now: NOW });
      await confirmDirective(store, summary.directiveId, null, NOW);
    }
    const statuses = await store.db.selectFrom('directives').select('status').execute();
    expect(statuses.map((s) => s.status)).toEqual(Array(5).fill('confirmed'));
    expect(await count(store, 'audit_log')).toBe(10);
    await expect(confirmDirective(store, 1, null, NOW)).rejects.toMatchObject({ code: 'not-a-draft' });
    await expect(confirmDirective(store, 999, null, NOW)).rejects.toMatchObject({ code: 'not-found' });
  });
});
