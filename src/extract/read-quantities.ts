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
  /(?<![\p{L}\p{M}])(?:thứ|khóa|khoá|số|điều|khoản|điểm|mục|chương|loại|cấp độ|vành đai|quốc lộ|ql|tỉnh lộ|đt|đường|tuyến|bão|tổ|đợt|giai đoạn|nhiệm kỳ|kỳ họp|hội nghị|phụ lục|biểu|mẫu|lần|khéo|top|nhóm|cấp|hạng|chỉ thị|nghị quyết|kết luận|quyết định|thông báo|công văn|báo cáo|ngày)\s*$/iu;

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
    'kh',
    'kế',
    'hoạch',
    'toán',
    'giao',
    'so',
    'cùng',
    'kỳ',
    'trước',
    'năm',
    'riêng',
    'nếu',
    'trừ',
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
  return out.flatMap(capClause);
}

/** Clauses longer than this are cut at commas, else at spaces: a value's clause is a phrase, not a page. */
const MAX_CLAUSE = 600;

function capClause(clause: { text: string; start: number }): { text: string; start: number }[] {
  if (clause.text.length <= MAX_CLAUSE) return [clause];
  const out: { text: string; start: number }[] = [];
  let from = 0;
  const { text, start } = clause;
  while (text.length - from > MAX_CLAUSE) {
    const window = text.slice(from, from + MAX_CLAUSE);
    let cut = window.lastIndexOf(', ');
    if (cut < MAX_CLAUSE / 3) cut = window.lastIndexOf(' ');
    if (cut < MAX_CLAUSE / 3) cut = MAX_CLAUSE;
    const piece = text.slice(from, from + cut);
    const lead = piece.length - piece.trimStart().length;
    if (piece.trim()) out.push({ text: piece.trim(), start: start + from + lead });
    from += cut + (text[from + cut] === ',' ? 1 : 0);
  }
  const rest = text.slice(from);
  const lead = rest.length - rest.trimStart().length;
  if (rest.trim()) out.push({ text: rest.trim(), start: start + from + lead });
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
export function readQuantities(paragraph: string, offset: number, unitless: Span[] = []): RawQuantity[] {
  const out: RawQuantity[] = [];
  for (const clause of splitClauses(paragraph, offset)) {
    out.push(...readClause(clause.text, clause.start, unitless));
  }
  return out;
}

/** A number stated as a value ("đạt 12", "tăng 5") that has no unit to say what it counts. */
const VALUE_BEFORE = /(?:đạt|tăng|giảm|còn|là|ở mức|khoảng|trên|dưới|ít nhất|tối đa)\s*$/u;

function readClause(clause: string, offset: number, unitless: Span[]): RawQuantity[] {
  const found: RawQuantity[] = [];
  let lastEnd = 0;
  let skippedName = -1;
  NUMBER_AT.lastIndex = 0;
  for (let m = NUMBER_AT.exec(clause); m; m = NUMBER_AT.exec(clause)) {
    const raw = m[1] ?? '';
    const start = m.index;
    if (start < lastEnd) continue;
    const value = parseNumber(raw);
    if (value === null) continue;
    const hit: NumberHit = { raw, value, start, end: start + raw.length };
    // "cấp độ 3, 4": the numbers after a name's number are names too
    if (skippedName >= 0 && /^\s*(?:,|và|hoặc)\s*$/u.test(clause.slice(skippedName, start))) {
      skippedName = hit.end;
      NUMBER_AT.lastIndex = hit.end;
      continue;
    }
    skippedName = -1;
    const q = readValueAt(clause, hit, offset, found.at(-1)?.unit ?? null);
    const before = clause.slice(Math.max(0, start - 20), start).toLowerCase();
    if (!q && NAME_BEFORE.test(before)) skippedName = hit.end;
    else if (
      !q &&
      VALUE_BEFORE.test(before) &&
      !/^(?:19|20)\d\d$/.test(raw) &&
      !/^\s*[/.-]\d/.test(clause.slice(hit.end))
    )
      unitless.push([offset + start, offset + hit.end]);
    if (q) {
      found.push(...q.quantities);
      lastEnd = q.end;
      NUMBER_AT.lastIndex = q.end;
    } else {
      NUMBER_AT.lastIndex = hit.end;
    }
  }
  return nameIndicators(
    clause,
    offset,
    sharePer(
      clause,
      offset,
      found.filter((q) => !isPerUnit(q, clause, offset)),
    ),
  );
}

/** "trên 1 ha", "trên 10.000 dân", "/01 vạn dân": a unit of measure, not a value. */
function isPerUnit(q: RawQuantity, clause: string, offset: number): boolean {
  const before = clause.slice(0, q.valueSpan[0] - offset).toLowerCase();
  if (!/(?:trên|mỗi|cho|\/)\s*$/u.test(before)) return false;
  if (/^(?:dân|người dân|dân số)(?![\p{L}\p{M}])/u.test(q.unit)) return true;
  return (q.lo === 1 || q.hi === 1) && /^(?:ha|km|người|hộ|lao động|dân|vạn|nghìn|triệu)/u.test(q.unit);
}

/** "9,3 bác sỹ và 31 giường bệnh/1 vạn dân": the per-part written once serves both. */
function sharePer(clause: string, offset: number, qs: RawQuantity[]): RawQuantity[] {
  return qs.map((q, i) => {
    const next = qs[i + 1];
    if (!next || q.unit.includes('/') || !next.unit.includes('/') || q.unit === '%') return q;
    const between = clause.slice(q.valueSpan[1] - offset, next.valueSpan[0] - offset);
    if (!/^\s*và\s*$/u.test(between)) return q;
    return { ...q, unit: `${q.unit}${next.unit.slice(next.unit.indexOf('/'))}` };
  });
}

const TAIL_STOP =
  /[;()]|,\s*(?=(?:\d|trên |dưới |khoảng |ít nhất |hơn |tăng |giảm |đạt ))|\s[-–]\s|\s(?:và|với|bằng|chiếm|so với|trong đó|vượt|còn|lần lượt|ước|để|đề|phấn đấu|phần đầu|phân đầu|phấn đầu|đến năm|trong năm|thực hiện)\s|\s(?:đạt|tăng|giảm|được)\s+(?=\d|trên|dưới|khoảng|hơn)|:\s/u;

const PREPOSITION_START =
  /^(?:theo|trong|tại|vào|đến|tới|cho|trở|năm|từ|khi|để|do|nhằm|so với|trên|dưới|[/(,-])/u;

/** The words after a value that say what it counts ("87 dự án đầu tư mới", "100% xã đạt chuẩn ..."). */
function tailAfter(clause: string, from: number, limit: number): string {
  let rest = clause.slice(from, limit);
  // "35 học sinh, cấp trung học là 42 học sinh": what follows the last comma names the next value
  if (limit < clause.length && rest.lastIndexOf(', ') > 0) rest = rest.slice(0, rest.lastIndexOf(', '));
  // "so với cùng kỳ", "so với kế hoạch năm" stays with the value it qualifies
  const compared = /^\s*so với\s/u.exec(rest);
  const searchFrom = compared ? compared[0].length : 0;
  const found = TAIL_STOP.exec(rest.slice(searchFrom));
  const stop = found ? { index: found.index + searchFrom } : null;
  return (stop ? rest.slice(0, stop.index) : rest).trim().replace(/[,.:]$/, '');
}

/**
 * Names each value's indicator: the words before it back to the previous value (and the
 * words that value took after it), or, when those name nothing, the words after its unit,
 * else the clause's subject. "A và B ..., lần lượt X% và Y%" gives A to X and B to Y.
 */
function nameIndicators(clause: string, offset: number, qs: readonly RawQuantity[]): RawQuantity[] {
  const out: RawQuantity[] = [];
  let boundary = 0;
  let subject = '';
  const forced: string[] = [];
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i] as RawQuantity;
    const start = q.valueSpan[0] - offset;
    const end = q.valueSpan[1] - offset;
    if (i > 0 && qs[i - 1]?.valueSpan[0] === q.valueSpan[0]) {
      out.push({ ...q, indicator: out[i - 1]?.indicator ?? '' });
      continue;
    }
    const next = qs[i + 1];
    const limit = next ? next.valueSpan[0] - offset : clause.length;
    const tail = tailAfter(clause, end, limit);
    const before = forced.shift() ?? readIndicator(clause, start, boundary);
    const weak = contentWordCount(before) < (isCountUnit(q.unit) ? 1 : 2);
    let indicator = before;
    let usedTail = false;
    const describes = contentWordCount(tail) > 0 && !PREPOSITION_START.test(tail);
    if (isCountUnit(q.unit) && contentWordCount(tail) > 0 && !/^[/(,-]/u.test(tail)) {
      // "87 dự án đầu tư mới": the words after a count say what it counts
      indicator = `${before} ${q.unit} ${tail}`.trim();
      usedTail = true;
    } else if (q.unit === '%' && describes) {
      // "100% xã đạt chuẩn nông thôn mới nâng cao", "giải ngân 100% kế hoạch vốn đầu tư công"
      indicator = `${lastWords(before, 10)} ${tail}`.trim();
      usedTail = true;
    } else if (weak) {
      // "..., vượt 128,6% dự toán" / "và tăng 54,9% so với cùng kỳ": about the clause's subject
      const compared = /^so với/u.test(tail) ? tail : '';
      indicator = [subject, before, compared].filter(Boolean).join(' ');
      usedTail = compared !== '';
    }
    if (!usedTail && isCountUnit(q.unit) && !indicator.includes(q.unit) && contentWordCount(indicator) > 0)
      indicator = `${indicator} ${q.unit}`;
    if (!contentWordCount(indicator) && q.unit) indicator = `số ${q.unit}`;
    if (/lần lượt\s*$/u.test(clause.slice(Math.max(0, start - 12), start).toLowerCase())) {
      const count = respectiveRun(clause, offset, qs, i);
      const lastOfRun = qs[i + count - 1] ?? q;
      const subjects = respectiveSubjects(clause, start, lastOfRun.valueSpan[1] - offset);
      if (subjects.length >= count) {
        forced.push(...subjects.slice(-count));
        indicator = forced.shift() ?? indicator;
      }
    }
    out.push({ ...q, indicator });
    if (!weak) subject = before;
    boundary = usedTail ? end + clause.slice(end, limit).indexOf(tail) + tail.length : end;
  }
  return out;
}

/** How many values from `i` on are listed together ("45,5% và 46,4%"). */
function respectiveRun(clause: string, offset: number, qs: readonly RawQuantity[], i: number): number {
  let count = 1;
  while (i + count < qs.length) {
    const prevEnd = (qs[i + count - 1]?.valueSpan[1] ?? 0) - offset;
    const nextStart = (qs[i + count]?.valueSpan[0] ?? 0) - offset;
    if (!/^\s*(?:và|,)\s*$/u.test(clause.slice(prevEnd, nextStart))) break;
    count++;
  }
  return count;
}

/** "tổng vốn đầu tư ... và kim ngạch xuất khẩu đạt thấp, lần lượt 45,5% và 46,4%": subjects in order. */
function respectiveSubjects(clause: string, valueStart: number, afterLast: number): string[] {
  const head = clause.slice(0, valueStart);
  const subjects = head
    .replace(/,?\s*lần lượt\s*$/u, '')
    .replace(/\s(?:đạt|tăng|giảm|chiếm)\s.*$/u, '')
    .split(/\s+và\s+|,\s+/u)
    .map((x) => cleanIndicator(x))
    .filter((x) => contentWordCount(x) > 0);
  const tail = tailAfter(clause, afterLast, clause.length);
  return subjects.map((x) => `${lastWords(x, 12)} ${tail}`.trim());
}

function isCountUnit(unit: string): boolean {
  return !/^(?:%|nghìn|ngàn|vạn|triệu|tỷ|tỉ|usd|đồng|ha|km|m2|m3|tấn|tuổi)/iu.test(unit) && unit.length > 0;
}

function readValueAt(
  clause: string,
  hit: NumberHit,
  offset: number,
  lastUnit: string | null,
): Reading | null {
  const after = clause.slice(hit.end);
  const before = clause.slice(0, hit.start);
  const beforeLower = before.toLowerCase();
  // dates, document numbers, numbering, times of day
  if (/^\s*[/\-–.]\s*\d{1,2}\s*[/\-–.]\s*\d{2,4}/.test(after) || /^\/\d{4}\b/.test(after)) return null;
  if (/^\s*[-–/]\s*\p{Lu}/u.test(after) || /^\.\d/.test(after) || /^\s*(?:giờ|h\d)/.test(after)) return null;
  if (/^\s*\//.test(after) && /^\s*\/\s*\d/.test(after)) return readRatio(clause, hit, offset);
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
      // raw is the two numbers as written, without units or words between: "7,5-8"
      return finish(`${hit.raw}-${range[1] ?? ''}`, unitReading?.unit ?? '');
    }
  }
  if (!unitReading) {
    const implied = impliedUnit(before, after, lastUnit);
    if (!implied || isYear) return null;
    unitReading = { unit: implied, length: 0 };
  }
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
          indicator: '',
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

/**
 * The unit of a bare number: a rate its indicator names ("số bác sỹ/01 vạn dân bình quân
 * 9,3") or, for a plan figure beside an actual ("(KH là 9,5)"), the actual's unit.
 */
function impliedUnit(before: string, after: string, lastUnit: string | null): string | null {
  if (!/^\s*(?:[(),;.]|$)/u.test(after)) return null;
  const rate =
    /([\p{L}\p{M}]+(?: [\p{L}\p{M}]+)?)\s*\/\s*\d*\s*((?:vạn|nghìn|triệu)\s+)?([\p{L}\p{M}]+)[^/\d]{0,30}$/u.exec(
      before,
    );
  if (rate) return `${rate[1]}/${rate[2] ?? ''}${rate[3]}`;
  if (lastUnit && /(?:\(|(?<![\p{L}\p{M}]))(?:kh|kế hoạch|chỉ tiêu)\s*(?:là|:)?\s*$/iu.test(before))
    return lastUnit;
  return null;
}

/** "319,59/428,39 ha": the first number is what was done, the second the whole planned. */
function readRatio(clause: string, hit: NumberHit, offset: number): Reading | null {
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
    indicator: '',
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
  if (/(?<![\p{L}\p{M}])(?:kh|kế hoạch|chỉ tiêu)\s*(?:là|:|đề ra là)?\s*$/u.test(before)) return 'plan';
  if (
    /(?:phấn đấu|phần đấu|phân đấu|phấn đầu|phần đầu|phân đầu|mục tiêu|quyết tâm)/u.test(
      lower.slice(0, start),
    )
  )
    return 'goal';

  if (
    /^\s*(?:kế hoạch|kh|dự toán)/u.test(after) &&
    /(?:đạt|bằng|vượt|hơn|được)\s*(?:hơn|trên|khoảng)?\s*$/u.test(before)
  )
    return 'share-of-plan';
  if (/(?:lần lượt)\s*$/u.test(before) || /^\s*(?:và\s+[\d,.]+%\s*)?so với kế hoạch/u.test(after))
    return 'share-of-plan';
  if (/(?<![\p{L}\p{M}])từ\s*$/u.test(before) && /^\s*xuống/u.test(after)) return 'baseline';
  if (/(?:ước đạt|đã đạt|đạt được|ước thực hiện|thực hiện được|có thêm)/u.test(before)) return 'achieved';
  return null;
}

/**
 * The words before a value back to `boundary`, cut at a ":" or an open "(" when what
 * follows it still names something ("Cơ cấu kinh tế: công nghiệp, xây dựng 61,7%").
 */
function readIndicator(clause: string, valueStart: number, boundary: number): string {
  const head = clause.slice(0, valueStart);
  const open = head.lastIndexOf('(');
  const inParen = open > head.lastIndexOf(')');
  const cuts = [inParen ? open + 1 : -1, lastMatchEnd(head, /:\s*/g), boundary]
    .filter((c) => c >= boundary && c <= valueStart)
    .sort((a, b) => b - a);
  for (const cut of cuts) {
    const piece = cleanIndicator(head.slice(cut));
    if (hasContentWords(piece)) return lastWords(piece, 16);
  }
  return '';
}

function lastWords(s: string, n: number): string {
  const words = s.split(/\s+/);
  return words.length > n ? words.slice(-n).join(' ') : s;
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
