import type { ExtractOptions, ExtractResult, ExtractWarning, Quantity, Span } from './types.js';
import { normaliseText } from './normalise-text.js';
import { buildOutline, splitParagraphs, type OutlineNode, type Paragraph } from './segment-outline.js';
import { describeSections, type SectionInfo } from './describe-sections.js';
import { readQuantities, type RawQuantity } from './read-quantities.js';
import { readPeriods, yearOfPeriod } from './read-periods.js';
import { readHeader } from './read-header.js';
import { readReferences } from './read-references.js';
import { readTasks } from './read-tasks.js';

const DEFAULT_MAX_CHARS = 20_000_000;

/**
 * Reads a Vietnamese directive's text into `ro.extract/v1`: document fields, references,
 * targets, results and tasks, each with the span of its source in `source.text`.
 *
 * @example extract('Số: 12/NQ-HĐND ...').targets
 */
export function extract(input: string, options: ExtractOptions = {}): ExtractResult {
  const warnings: ExtractWarning[] = [];
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  let raw = input;
  if (raw.length > maxChars) {
    raw = raw.slice(0, maxChars);
    warnings.push({
      code: 'text-truncated',
      message: `The text is longer than ${maxChars} characters; only the first ${maxChars} were read.`,
      span: null,
    });
  }
  const text = normaliseText(raw);
  if (!text.trim()) {
    warnings.push({ code: 'empty-document', message: 'The document has no text.', span: null });
  }
  const header = readHeader(text);
  warnings.push(...header.warnings);
  const references = readReferences(text, header.document.number);
  const paragraphs = splitParagraphs(text);
  const outline = buildOutline(paragraphs);
  const docPeriod = documentPeriod(header.document.title, text);
  const sections = describeSections(outline, docPeriod);
  const unitless: Span[] = [];
  const { targets, results } = readAllQuantities(outline, sections, docPeriod, unitless);
  readFootnoteQuantities(paragraphs, docPeriod, targets, results);
  for (const span of unitless) {
    warnings.push({
      code: 'number-without-unit',
      message: `"${text.slice(span[0], span[1])}" reads as a value but no unit says what it counts; it was left out.`,
      span,
    });
  }
  const tasks = readTasks(text, outline, sections, warnings);
  if (tasks.length === 0 && text.trim() && header.document.type !== 'bao_cao') {
    warnings.push({
      code: 'no-tasks-found',
      message:
        'No assigned task was found: check that the numbered items of the task sections survived the conversion.',
      span: null,
    });
  }
  return {
    schema: 'ro.extract/v1',
    document: header.document,
    references,
    targets,
    results,
    tasks,
    warnings,
    source: { text },
  };
}

/** The period a whole document is about: its title's, else the first one its opening names. */
function documentPeriod(title: string | null, text: string): string | null {
  const fromTitle = title ? readPeriods(title).filter((p) => p.period) : [];
  const span = fromTitle.find((p) => p.period?.includes('-') && !/-[HQ]|-\d\d$/.test(p.period));
  if (span) return span.period;
  if (fromTitle[0]) return fromTitle[0].period;
  const opening = readPeriods(text.slice(0, 500)).find((p) => p.period && !/^\d{4}-\d\d$/.test(p.period));
  return opening?.period ?? null;
}

function readAllQuantities(
  outline: OutlineNode,
  sections: ReadonlyMap<OutlineNode, SectionInfo>,
  docPeriod: string | null,
  unitless: Span[],
): { targets: Quantity[]; results: Quantity[] } {
  const targets: Quantity[] = [];
  const results: Quantity[] = [];
  const visit = (node: OutlineNode, inBody: boolean) => {
    const info = sections.get(node);
    const paragraphs = [...(node.paragraph ? [node.paragraph] : []), ...node.content, ...node.trailing];
    if (info && (inBody || node.paragraph === null)) {
      for (const p of paragraphs) {
        // the legal basis of the preamble ("Căn cứ ...", "Xét ...") sets no values
        if (!inBody && /^(?:Căn cứ|Xét|Thực hiện|Theo đề nghị|Theo)\s/u.test(p.body)) continue;
        const isHeading = p === node.paragraph && info.isHeading;
        if (isHeading) continue;
        for (const q of readQuantities(p.body, p.bodyStart, unitless)) {
          const kind = kindOf(q, info);
          if (!kind) continue;
          const period = periodOf(q, p.body, p.bodyStart, info, kind, docPeriod);
          (kind === 'target' ? targets : results).push(toQuantity(q, period));
        }
      }
    }
    for (const child of node.children) visit(child, inBody || child.paragraph !== null);
  };
  visit(outline, false);
  return { targets, results };
}

function toQuantity(q: RawQuantity, period: string | null): Quantity {
  const { indicator, op, lo, hi, raw, unit, text, span } = q;
  return { indicator, op, lo, hi, raw, unit, period, scope: null, text, span };
}

/** Footnotes ("⁴ Phấn đấu hoàn thành chỉ tiêu ... tăng từ 3-4%") state values too; only their own words say which kind. */
function readFootnoteQuantities(
  paragraphs: readonly Paragraph[],
  docPeriod: string | null,
  targets: Quantity[],
  results: Quantity[],
): void {
  const info: SectionInfo = { kind: null, period: docPeriod, isHeading: false };
  for (const p of paragraphs) {
    const mark = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/u.exec(p.body);
    if (!mark) continue;
    const body = p.body.slice(mark[0].length);
    const start = p.bodyStart + mark[0].length;
    for (const q of readQuantities(body, start)) {
      if (q.cue === 'goal' || q.cue === 'plan')
        targets.push(toQuantity(q, periodOf(q, body, start, info, 'target', docPeriod)));
      else if (q.cue === 'achieved')
        results.push(toQuantity(q, periodOf(q, body, start, info, 'result', docPeriod)));
    }
  }
}

function kindOf(q: RawQuantity, info: SectionInfo): 'target' | 'result' | null {
  switch (q.cue) {
    case 'plan':
    case 'goal':
      return 'target';
    case 'share-of-plan':
    case 'baseline':
    case 'achieved':
      return info.kind === 'targets' || info.kind === 'tasks'
        ? q.cue === 'achieved'
          ? 'target'
          : 'result'
        : 'result';
    default:
      break;
  }
  if (info.kind === 'results') return 'result';
  if (info.kind === 'targets' || info.kind === 'tasks') return 'target';
  if (info.kind === 'aims') return 'target';
  return 'result';
}

function periodOf(
  q: RawQuantity,
  body: string,
  bodyStart: number,
  info: SectionInfo,
  kind: 'target' | 'result',
  docPeriod: string | null,
): string | null {
  const year = yearOfPeriod(info.period) ?? yearOfPeriod(docPeriod);
  const clauseStart = q.span[0] - bodyStart;
  const clause = body.slice(clauseStart, q.span[1] - bodyStart);
  const valueAt = q.valueSpan[0] - q.span[0];
  const mentions = readPeriods(clause, year);
  const before = mentions.filter((m) => m.end <= valueAt).at(-1);
  const after = mentions.find(
    (m) => m.start >= valueAt && !/đến\s*$/u.test(clause.slice(Math.max(0, m.start - 6), m.start)),
  );
  const explicit = before ?? after;
  if (explicit) return explicit.period;
  const section = info.period ?? docPeriod;
  if (kind === 'target' && section && /-H\d$/.test(section)) return section.slice(0, 4);
  return section;
}
