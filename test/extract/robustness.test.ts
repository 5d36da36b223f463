import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, type ExtractResult } from '../../src/extract/index.js';
import { ROOT } from '../support/built.js';

const samples = readdirSync(join(ROOT, 'samples'))
  .filter((n) => n.endsWith('.txt'))
  .map((n) => readFileSync(join(ROOT, 'samples', n), 'utf8'));

const PERIOD = /^(?:\d{4}|\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-\d{2}|\d{4}-\d{4})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const OPS = new Set(['eq', 'about', 'range', 'gt', 'gte', 'lt', 'lte']);

/** What every result must satisfy, whatever the input: the contract of docs/extract-v1.md. */
function contractProblems(result: ExtractResult): string[] {
  const problems: string[] = [];
  const text = result.source.text;
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const inBounds = (span: readonly [number, number], what: string) =>
    check(
      Number.isInteger(span[0]) &&
        Number.isInteger(span[1]) &&
        span[0] >= 0 &&
        span[0] <= span[1] &&
        span[1] <= text.length,
      `${what}: span ${span.join('–')} outside 0–${text.length}`,
    );
  check(result.schema === 'ro.extract/v1', 'schema');
  for (const [i, q] of [...result.targets, ...result.results].entries()) {
    const what = `quantity ${i}`;
    inBounds(q.span, what);
    check(text.slice(q.span[0], q.span[1]) === q.text, `${what}: text is not the slice its span points at`);
    check(OPS.has(q.op), `${what}: op ${q.op}`);
    for (const v of [q.lo, q.hi]) check(v === null || Number.isFinite(v), `${what}: value ${v}`);
    if (q.op === 'range')
      check(q.lo !== null && q.hi !== null && q.lo < q.hi, `${what}: range ${q.lo}–${q.hi}`);
    check(q.period === null || PERIOD.test(q.period), `${what}: period ${q.period}`);
    check(q.unit.length > 0, `${what}: empty unit`);
  }
  for (const [i, t] of result.tasks.entries()) {
    inBounds(t.span, `task ${i}`);
    if (t.deadline) {
      inBounds(t.deadline.span, `task ${i} deadline`);
      check(
        text.slice(t.deadline.span[0], t.deadline.span[1]) === t.deadline.text,
        `task ${i}: deadline text is not its span`,
      );
      check(
        t.deadline.date === null || ISO_DAY.test(t.deadline.date),
        `task ${i}: deadline ${t.deadline.date}`,
      );
    }
  }
  for (const [i, r] of result.references.entries()) inBounds(r.span, `reference ${i}`);
  for (const [i, w] of result.warnings.entries()) if (w.span) inBounds(w.span, `warning ${i}`);
  check(
    result.document.date === null || ISO_DAY.test(result.document.date),
    `document date ${result.document.date}`,
  );
  try {
    JSON.stringify(result);
  } catch (error) {
    check(false, `not serialisable: ${(error as Error).message}`);
  }
  return problems;
}

function checkContract(result: ExtractResult): void {
  expect(contractProblems(result)).toEqual([]);
}

const GARBAGE = [
  '\u0000',
  '\u0007',
  '\ud800',
  '\udfff',
  '\u0301\u0301\u0301',
  '\u200f',
  '\u200b',
  '\ufeff',
  '🇻🇳',
  '9'.repeat(400),
  'ngày 99/99/9999',
  '((((((((',
  '))))',
  '\r\n',
  '\r',
  '\n- ',
  '\n1. ',
  '\nI. ',
  '\na) ',
  '$\\geq 50\\%$',
  '¹²³',
  '**',
  ' 7,5-8% ',
  ' 1.234.567.890.123.456.789,5 tỷ đồng ',
  'Số: /',
  'trước ngày 31/02/2025',
];

const mutation = fc.record({
  sample: fc.integer({ min: 0, max: samples.length - 1 }),
  edits: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom('delete', 'duplicate', 'insert'),
      length: fc.integer({ min: 0, max: 2000 }),
      garbage: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 30, unit: 'binary' })),
    }),
    { maxLength: 8 },
  ),
});

function mutate(m: fc.RecordValue<typeof mutation extends fc.Arbitrary<infer T> ? T : never>): string {
  let text = samples[m.sample] ?? '';
  for (const e of m.edits) {
    const at = Math.floor(e.at * text.length);
    if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
    else if (e.kind === 'duplicate')
      text = text.slice(0, at) + text.slice(at, at + e.length) + text.slice(at);
    else text = text.slice(0, at) + e.garbage + text.slice(at);
  }
  return text;
}

describe('the extractor on damaged and hostile input', () => {
  it('never throws and always keeps its contract on mutated directives', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        checkContract(extract(mutate(m)));
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });

  it('never throws on arbitrary Unicode, empty or blank text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit: 'binary' }), (s) => {
        checkContract(extract(s));
      }),
      { seed: 7, numRuns: 300 },
    );
    for (const s of ['', ' ', '\n\n\n', '\t \r\n']) checkContract(extract(s));
  });

  it('gives the same answer every time for the same text', () => {
    for (const sample of samples) expect(extract(sample)).toEqual(extract(sample));
  });

  it('reads decomposed (NFD) Vietnamese the same as composed', () => {
    const sample = samples[1] ?? '';
    const composed = extract(sample);
    const decomposed = extract(sample.normalize('NFD'));
    expect(decomposed.document).toEqual(composed.document);
    expect(decomposed.tasks.length).toBe(composed.tasks.length);
    expect(decomposed.targets.map((t) => t.lo)).toEqual(composed.targets.map((t) => t.lo));
  });

  it('finishes on pathological shapes: long lines, thousands of items, deep numbering', () => {
    const cases: Record<string, string> = {
      'one 200 000-character line': 'phấn đấu tăng 8% '.repeat(12_000),
      'a line without spaces': 'x'.repeat(200_000),
      '20 000 numbered items': Array.from(
        { length: 20_000 },
        (_, i) => `${i + 1}. Sở Tài chính chủ trì, hoàn thành trước ngày 30/6/2025.`,
      ).join('\n'),
      '20 000 bullets': Array.from(
        { length: 20_000 },
        () => '- Tăng thu ngân sách 10%; hoàn thành trong quý II năm 2026.',
      ).join('\n'),
      'deep numbering': Array.from(
        { length: 2_000 },
        (_, i) => `${'1.'.repeat((i % 30) + 1)} Nhiệm vụ ${i}`,
      ).join('\n'),
      'a 5 MB directive': (samples[0] ?? '').repeat(Math.ceil(5_000_000 / (samples[0] ?? 'x').length)),
      'nested parentheses': '('.repeat(50_000) + 'tăng 5%' + ')'.repeat(50_000),
    };
    const timings: string[] = [];
    for (const [name, text] of Object.entries(cases)) {
      const started = performance.now();
      const result = extract(text);
      const ms = performance.now() - started;
      checkContract(result);
      timings.push(`${name}: ${ms.toFixed(0)} ms`);
    }
    console.info(`extract on pathological input — ${timings.join('; ')}`);
  }, 120_000);

  it('cuts text over maxChars and warns that it did', () => {
    const result = extract((samples[0] ?? '').repeat(3), { maxChars: 10_000 });
    expect(result.source.text.length).toBeLessThanOrEqual(10_000);
    expect(result.warnings.map((w) => w.code)).toContain('text-truncated');
    checkContract(result);
  });
});
