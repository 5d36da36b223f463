import type { ExtractResult, ExtractWarning, Quantity, Task } from '../extract/index.js';
import { formatDate, formatNumber, formatPeriod, type Lang } from '../i18n/format.js';
import { MESSAGES } from './messages.js';
import { renderTable } from './text-table.js';

export interface SummaryOptions {
  readonly lang: Lang;
  /** Rows shown per table before "… and N more"; Infinity shows all. */
  readonly maxRows: number;
}

/** A quantity's value in words: "7,5–8", "trên 8", "≥ 50". */
export function formatValue(q: Quantity, lang: Lang): string {
  const ops = MESSAGES[lang].ops;
  const n = (v: number | null): string => (v === null ? '?' : formatNumber(v, lang));
  switch (q.op) {
    case 'eq':
      return n(q.lo);
    case 'about':
      return ops.about + n(q.lo);
    case 'range':
      return `${n(q.lo)}–${n(q.hi)}`;
    case 'gt':
      return ops.gt + n(q.lo);
    case 'gte':
      return ops.gte + n(q.lo);
    case 'lt':
      return ops.lt + n(q.hi);
    case 'lte':
      return ops.lte + n(q.hi);
  }
}

function limit<T>(items: readonly T[], max: number): { shown: readonly T[]; hidden: number } {
  return { shown: items.slice(0, max), hidden: Math.max(0, items.length - max) };
}

function quantityTable(items: readonly Quantity[], opts: SummaryOptions): string {
  const m = MESSAGES[opts.lang];
  const { shown, hidden } = limit(items, opts.maxRows);
  const table = renderTable(
    [
      { header: '#', max: 4, align: 'right' },
      { header: m.colIndicator, max: 52 },
      { header: m.colValue, max: 18, align: 'right' },
      { header: m.colUnit, max: 22 },
      { header: m.colPeriod, max: 22 },
    ],
    shown.map((q, i) => [
      String(i + 1),
      q.indicator,
      formatValue(q, opts.lang),
      q.unit,
      formatPeriod(q.period, opts.lang),
    ]),
  );
  return hidden > 0 ? `${table}\n${m.more(hidden)}` : table;
}

function deadlineCell(task: Task, lang: Lang): string {
  const m = MESSAGES[lang];
  if (!task.deadline) return '';
  const date = task.deadline.date ? formatDate(task.deadline.date, lang) : m.noDeadlineDate;
  return task.done ? `${date} (${m.done})` : date;
}

function taskTable(tasks: readonly Task[], opts: SummaryOptions): string {
  const m = MESSAGES[opts.lang];
  const { shown, hidden } = limit(tasks, opts.maxRows);
  const table = renderTable(
    [
      { header: '#', max: 4, align: 'right' },
      { header: m.colSection, max: 14 },
      { header: m.colTask, max: 60 },
      { header: m.colLead, max: 34 },
      { header: m.colDeadline, max: 24 },
    ],
    shown.map((t, i) => [String(i + 1), t.section, t.text, t.lead ?? '', deadlineCell(t, opts.lang)]),
  );
  return hidden > 0 ? `${table}\n${m.more(hidden)}` : table;
}

function warningLine(w: ExtractWarning, text: string, lang: Lang): string {
  const label = MESSAGES[lang].warningCodes[w.code];
  if (!w.span) return label;
  const excerpt = Array.from(text.slice(w.span[0], w.span[1]).replace(/\s+/g, ' ').trim());
  const quoted = excerpt.length > 80 ? `${excerpt.slice(0, 79).join('')}…` : excerpt.join('');
  return `${label}: “${quoted}”`;
}

/** The human summary of one extraction: what the document is, then its targets, results and tasks. */
export function renderSummary(name: string, result: ExtractResult, opts: SummaryOptions): string {
  const m = MESSAGES[opts.lang];
  const doc = result.document;
  const heading = [
    m.documentTypes[doc.type],
    doc.number ? `${m.number} ${doc.number}` : `(${m.noNumber})`,
    doc.date ? `${m.dated} ${formatDate(doc.date, opts.lang)}` : `(${m.noDate})`,
  ].join(' ');
  const lines: string[] = [`══ ${name}`, heading];
  if (doc.title) lines.push(doc.title);
  if (doc.issuer) lines.push(`${m.issuer}: ${doc.issuer}`);
  if (doc.signer) lines.push(`${m.signer}: ${doc.signer}`);
  lines.push(
    m.found(
      result.references.length,
      result.targets.length,
      result.results.length,
      result.tasks.length,
      result.warnings.length,
    ),
  );
  if (result.references.length > 0) {
    const refs = result.references.map((r) =>
      r.date ? `${r.number} (${formatDate(r.date, opts.lang)})` : r.number,
    );
    lines.push('', `${m.references}: ${refs.join('; ')}`);
  }
  if (result.targets.length > 0)
    lines.push('', `${m.targets} (${result.targets.length})`, quantityTable(result.targets, opts));
  if (result.results.length > 0)
    lines.push('', `${m.results} (${result.results.length})`, quantityTable(result.results, opts));
  if (result.tasks.length > 0)
    lines.push('', `${m.tasks} (${result.tasks.length})`, taskTable(result.tasks, opts));
  if (result.warnings.length > 0) {
    const { shown, hidden } = limit(result.warnings, opts.maxRows);
    lines.push(
      '',
      `${m.warnings} (${result.warnings.length})`,
      ...shown.map((w) => `  • ${warningLine(w, result.source.text, opts.lang)}`),
    );
    if (hidden > 0) lines.push(m.more(hidden));
  }
  return lines.join('\n') + '\n';
}
