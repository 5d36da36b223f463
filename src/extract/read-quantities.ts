/**
 * Quantity pass: finds every value a clause states about an indicator — number or range,
 * the op its words set, the unit, the indicator in the document's words — and the cues
 * that tell a goal from an achieved value. Deciding target vs result and the period is
 * left to the caller, which knows the section.
 */
import type { Op, Span } from './types.js';
import { parseNumber } from './parse-number.js';
import { readUnit } from './read-unit.js';
import { foldedWords } from './vietnamese-text.js';

export type QuantityCue = 'plan' | 'goal' | 'achieved' | 'share-of-plan' | 'baseline' | null;

export interface RawQuantity {
  readonly op: Op;
  readonly lo: number | null;
  readonly hi: number | null;
  readonly raw: string;
  readonly unit: string;
  readonly indicator: string;
  /** The clause the value was read from. */
  readonly text: string;
  readonly span: Span;
  /** Where the number itself stands. */
  readonly valueSpan: Span;
  /** A cue from the words around the value that says what kind of value it is. */
  readonly cue: QuantityCue;
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const NUMBER_AT = new RegExp(`(?<![\\p{L}\\p{N}/.,\\-–])(${NUM})`, 'gu');

/** Words right before a number that make it a name, a rank or a reference, not a value. */
const NAME_BEFORE =
  /(?:thứ|khóa|khoá|số|điều|khoản|điểm|mục|chương|loại|cấp độ|vành đai|quốc lộ|ql|tỉnh lộ|đt|đường|tuyến|bão|tổ|đợt|giai đoạn|nhiệm kỳ|kỳ họp|hội nghị|phụ lục|biểu|mẫu|lần|khéo|top|nhóm|cấp|hạng|chỉ thị|nghị quyết|kết luận|quyết định|kế hoạch|thông báo|công văn|báo cáo|ngày|tháng|năm|quý)\s*$/iu;

const OP_BEFORE: ReadonlyArray<[RegExp, Op]> = [
  [/(?:ít nhất|tối thiểu|≥|>=)\s*(?:là\s*|đạt\s*)?$/u, 'gte'],
  [/(?:không quá|không vượt quá|tối đa|≤|<=)\s*(?:là\s*)?$/u, 'lte'],
  [/(?:trên dưới|khoảng|gần|xấp xỉ|ước khoảng|~)\s*$/u, 'about'],
  [/(?:trên|hơn|vượt|cao hơn|lớn hơn|>)\s*$/u, 'gt'],
  [/(?:dưới|thấp hơn|nhỏ hơn|<)\s*$/u, 'lt'],
];

/** Value words that carry no indicator meaning: stripped from the ends of an indicator. */
const VALUE_WORDS = new Set(
  [
    'tăng',
    'giảm',
    'đạt',
    'là',
    'ở',
    'mức',
    'còn',
    'khoảng',
    'trên',
    'dưới',
    'hơn',
    'ít',
    'nhất',
    'tối',
    'thiểu',
    'đa',
    'không',
    'quá',
    'vượt',
    'gần',
    'từ',
    'có',
    'được',
    'thêm',
    'cho',
    'bằng',
    'chỉ',
    'phấn',
    'đấu',
    'phần',
    'phân',
    'đầu',
    'và',
    'trong',
    'đó',
    'ước',
    'dự',
    'kiến',
    'khá',
    'mạnh',
    'thấp',
    'cao',
    'lần',
    'lượt',
    'với',
    'tổng',
    'số',
    'bình',
    'quân',
    'đưa',
    'duy',
    'trì',
    'hoàn',
    'thành',
    'mục',
    'tiêu',
    'chỉ',
    'tiêu',
    'thực',
    'hiện',
    'nhằm',
    'nâng',
    'lên',
    'xuống',
    'cả',
    'toàn',
  ].map((w) => foldedWords(w).join(' ')),
);

const CONNECTOR_START =
  /^(?:[-–+,;:.)\s]|và\s|trong đó[:,]?\s|trong đó\s|đồng thời\s|cùng với\s|riêng\s|với\s|cụ thể[:,]?\s|bao gồm[:,]?\s|gồm[:,]?\s|như[:,]?\s|nhất là\s)+/iu;

/** Splits a paragraph into clauses at ";" and sentence ends, never inside parentheses. */
export function splitClauses(text: string, offset: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: offset + start + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || (c === '.' && /^\s+[\p{Lu}\d(]/u.test(text.slice(i + 1, i + 3))))) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

interface Reading {
  readonly quantities: RawQuantity[];
  readonly end: number;
}

interface NumberHit {
  readonly raw: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

/** Reads the quantities of one paragraph; `offset` is the paragraph's start in the document. */
export function readQuantities(paragraph: string, offset: number): RawQuantity[] {
  const out: RawQuantity[] = [];
  for (const clause of splitClauses(paragraph, offset)) {
    out.push(...readClause(clause.text, clause.start));
  }
  return out;
}

function readClause(clause: string, offset: number): RawQuantity[] {
  const found: RawQuantity[] = [];
  let lastEnd = 0;
  NUMBER_AT.lastIndex = 0;
  for (let m = NUMBER_AT.exec(clause); m; m = NUMBER_AT.exec(clause)) {
    const raw = m[1] ?? '';
    const start = m.index;
    if (start < lastEnd) continue;
    const value = parseNumber(raw);
    if (value === null) continue;
    const hit: NumberHit = { raw, value, start, end: start + raw.length };
    const q = readValueAt(clause, hit, offset, found, lastEnd);
    if (q) {
      found.push(...q.quantities);
      lastEnd = q.end;
      NUMBER_AT.lastIndex = q.end;
    } else {
      NUMBER_AT.lastIndex = hit.end;
    }
  }
  return found;
}

function readValueAt(
  clause: string,
  hit: NumberHit,
  offset: number,
  previous: readonly RawQuantity[],
  boundary: number,
): Reading | null {
  const after = clause.slice(hit.end);
  const before = clause.slice(0, hit.start);
  const beforeLower = before.toLowerCase();
  // dates, document numbers, numbering, times of day
  if (/^\s*[/\-–.]\s*\d{1,2}\s*[/\-–.]\s*\d{2,4}/.test(after) || /^\/\d{4}\b/.test(after)) return null;
  if (/^\s*[-–/]\s*\p{Lu}/u.test(after) || /^\.\d/.test(after) || /^\s*(?:giờ|h\d)/.test(after)) return null;
  if (/^\s*\//.test(after) && /^\s*\/\s*\d/.test(after))
    return readRatio(clause, hit, offset, previous, boundary);
  if (NAME_BEFORE.test(beforeLower.slice(-20)) && !/(?:mỗi|một)\s+(?:năm|quý|tháng)\s*$/u.test(beforeLower))
    return null;
  if (/[“"«]\s*$/.test(before) || /^\s*[“"«]/.test(after)) return null;
  if (/^\s*\+\s*\d/.test(after) || /\d\s*\+\s*$/.test(before)) return null;
  const isYear = /^(?:19|20)\d\d$/.test(hit.raw);

  let op: Op = 'eq';
  let lo: number | null = hit.value;
  let hi: number | null = hit.value;
  let end = hit.end;
  let unitReading = readUnit(after);
  // a range: "7,5-8%", "10%-10,5%", "300ha-500 ha", "từ 10 đến 12%"
  const rangeRest = clause.slice(hit.end + (unitReading?.length ?? 0));
  const range = new RegExp(`^\\s*(?:[-–]|đến|tới)\\s*(${NUM})`, 'u').exec(rangeRest);
  if (range && !isYear) {
    const second = parseNumber(range[1] ?? '');
    const secondUnit = readUnit(rangeRest.slice(range[0].length));
    const unitsFit = !unitReading || !secondUnit || unitReading.unit === secondUnit.unit;
    if (second !== null && second > hit.value && unitsFit && (unitReading || secondUnit)) {
      op = 'range';
      hi = second;
      end = hit.end + (unitReading?.length ?? 0) + range[0].length;
      unitReading = secondUnit ?? unitReading;
      if (secondUnit) end += secondUnit.length;
      const rawRange = clause.slice(hit.start, end);
      return finish(rawRange, unitReading?.unit ?? '');
    }
  }
  if (!unitReading) return null;
  if (isYear && unitReading.unit !== '%') return null;
  end = hit.end + unitReading.length;
  let unit = unitReading.unit;
  // "ít nhất mỗi năm 1 lần" → 1 lần/năm
  const every = /mỗi\s+(năm|quý|tháng|tuần)\s*$/u.exec(beforeLower);
  if (every && !unit.includes('/')) unit = `${unit}/${every[1]}`;
  const opText =
    beforeLower.replace(/\s*(?:đạt|là|ở mức|còn|giảm còn|mỗi (?:năm|quý|tháng|tuần))\s*$/u, ' ').trimEnd() +
    ' ';
  for (const [re, o] of OP_BEFORE) {
    if (re.test(opText.trimEnd()) || re.test(beforeLower)) {
      op = o;
      break;
    }
  }
  if (/^\s*trở lên/u.test(clause.slice(end))) op = 'gte';
  if (op === 'gt' || op === 'gte') hi = null;
  if (op === 'lt' || op === 'lte') lo = null;
  return finish(hit.raw, unit);

  function finish(raw: string, unitText: string): Reading {
    return {
      quantities: [
        {
          op,
          lo,
          hi,
          raw,
          unit: unitText,
          indicator: readIndicator(clause, hit.start, boundary, previous),
          text: clause,
          span: [offset, offset + clause.length],
          valueSpan: [offset + hit.start, offset + end],
          cue: readCue(clause, hit.start, end),
        },
      ],
      end,
    };
  }
}

/** "319,59/428,39 ha": the first number is what was done, the second the whole planned. */
function readRatio(
  clause: string,
  hit: NumberHit,
  offset: number,
  previous: readonly RawQuantity[],
  boundary: number,
): Reading | null {
  const m = new RegExp(`^\\s*/\\s*(${NUM})`, 'u').exec(clause.slice(hit.end));
  if (!m) return null;
  const total = parseNumber(m[1] ?? '');
  const unit = readUnit(clause.slice(hit.end + m[0].length));
  // "24/63 tỉnh", "7/10 chỉ tiêu": a count of items or a rank, not a value
  if (total === null || !unit || !/^(?:ha|km|m2|m|tấn|tỷ|triệu|nghìn|%)/u.test(unit.unit)) return null;
  const end = hit.end + m[0].length + unit.length;
  const common = {
    op: 'eq' as const,
    unit: unit.unit,
    indicator: readIndicator(clause, hit.start, boundary, previous),
    text: clause,
    span: [offset, offset + clause.length] as const,
  };
  return {
    quantities: [
      {
        ...common,
        lo: hit.value,
        hi: hit.value,
        raw: hit.raw,
        valueSpan: [offset + hit.start, offset + hit.end],
        cue: 'achieved',
      },
      {
        ...common,
        lo: total,
        hi: total,
        raw: m[1] ?? '',
        valueSpan: [offset + hit.end + m[0].length - (m[1] ?? '').length, offset + end],
        cue: 'plan',
      },
    ],
    end,
  };
}

function readCue(clause: string, start: number, end: number): QuantityCue {
  const lower = clause.toLowerCase();
  const before = lower.slice(Math.max(0, start - 40), start);
  const after = lower.slice(end, end + 30);
  const open = lower.lastIndexOf('(', start);
  const inParen = open >= 0 && lower.indexOf(')', open) >= start;
  if (/\b(?:kh|kế hoạch|chỉ tiêu)\s*(?:là|:|đề ra là)?\s*$/u.test(before)) return 'plan';
  if (
    /^\s*(?:kế hoạch|kh|dự toán)/u.test(after) &&
    /(?:đạt|bằng|vượt|hơn|được)\s*(?:hơn|trên|khoảng)?\s*$/u.test(before)
  )
    return 'share-of-plan';
  if (/(?:lần lượt)\s*$/u.test(before) || /^\s*(?:và\s+[\d,.]+%\s*)?so với kế hoạch/u.test(after))
    return 'share-of-plan';
  if (/\btừ\s*$/u.test(before) && /^\s*xuống/u.test(after)) return 'baseline';
  if (
    /(?:phấn đấu|phần đấu|phân đấu|phấn đầu|phần đầu|phân đầu|mục tiêu|chỉ tiêu|quyết tâm|đề ra)/u.test(
      lower.slice(0, start),
    )
  )
    return 'goal';
  if (/(?:ước đạt|đã đạt|đạt được|ước thực hiện|thực hiện được|có thêm)/u.test(before) || inParen)
    return 'achieved';
  return null;
}

/**
 * The indicator: the words before the value back to the previous value or clause start,
 * extended over a ":" or "(" when what is left names nothing ("thường xuyên: đạt 36,5%").
 */
function readIndicator(
  clause: string,
  valueStart: number,
  boundary: number,
  previous: readonly RawQuantity[],
): string {
  const head = clause.slice(0, valueStart);
  const open = head.lastIndexOf('(');
  const close = head.lastIndexOf(')');
  const inParen = open > close;
  const cuts = [
    boundary,
    inParen ? open + 1 : 0,
    lastMatchEnd(head, /[:]\s*/g),
    lastMatchEnd(head, /,\s+(?=\S)/g),
  ];
  const candidates = [...new Set(cuts)].filter((c) => c <= valueStart).sort((a, b) => b - a);
  for (const cut of candidates) {
    const piece = cleanIndicator(head.slice(cut));
    if (hasContentWords(piece) && cut >= boundary) {
      if (inParen && cut === open + 1 && contentWordCount(piece) < 2) continue;
      return piece;
    }
  }
  const base = cleanIndicator(head.slice(boundary));
  if (hasContentWords(base)) return base;
  if (inParen) {
    const outer = cleanIndicator(head.slice(0, open));
    if (hasContentWords(outer)) return `${outer} ${base}`.trim();
  }
  return previous.at(-1)?.indicator ?? cleanIndicator(head);
}

function lastMatchEnd(s: string, re: RegExp): number {
  let end = 0;
  for (const m of s.matchAll(re)) end = (m.index ?? 0) + m[0].length;
  return end;
}

function cleanIndicator(s: string): string {
  let t = s.replace(CONNECTOR_START, '').trim();
  t = t.replace(/[\s,:;(\-–]+$/u, '');
  const words = t.split(/\s+/);
  while (
    words.length &&
    /^(?:đạt|là|ở|mức|còn|khoảng|trên|dưới|hơn|ít|nhất|tối|thiểu|đa|không|quá|vượt|gần|từ|bằng|cho|được|thêm|có|chỉ|lần|lượt)$/iu.test(
      words.at(-1) ?? '',
    )
  )
    words.pop();
  return words
    .join(' ')
    .replace(/[\s,:;(\-–]+$/u, '')
    .replace(/^\)\s*/, '');
}

function contentWordCount(s: string): number {
  return foldedWords(s).filter((w) => !VALUE_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 1).length;
}

function hasContentWords(s: string): boolean {
  return contentWordCount(s) > 0;
}
