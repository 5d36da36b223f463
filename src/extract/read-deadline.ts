/**
 * Deadline pass: the last day a task item allows, read from the phrases Vietnamese
 * directives set deadlines with — "trước ngày 30/6/2025", "chậm nhất ngày 01/3/2025",
 * "trong tháng 02/2025", "xong trong quý II năm 2026", "trong năm 2026", "Năm 2024, hoàn
 * thành ...", "trở thành đô thị loại II vào năm 2025", "(tháng 3/2025)", "Thời gian: Từ ngày
 * X đến ngày Y" — and "(đã hoàn thành tháng 02/2025)" for one already met. Years of plans
 * and data, start dates, dates of cited documents, periods and aims the work only prepares
 * for are not deadlines.
 */
import type { Deadline, ExtractWarning, Span } from './types.js';
import { dayBefore } from './calendar.js';
import { readDates, type DateMention } from './read-date.js';
import { findDocumentNumbers } from './read-references.js';

/** What an item says about its deadline. */
export interface DeadlineReading {
  readonly deadline: Deadline | null;
  /** True when the item says its deadline is already met ("(đã hoàn thành tháng 02/2025)"). */
  readonly done: boolean;
  readonly warnings: ExtractWarning[];
}

/** What the deadline of an item depends on beyond its own text. */
export interface DeadlineContext {
  /** The year the document or section is about, for "trong quý II" written without one. */
  readonly year: number | null;
}

/** A time frame stated for a whole section ("Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025"). */
export interface SectionTimeFrame {
  readonly date: string | null;
  readonly text: string;
  readonly span: Span;
}

type Cue = 'done' | 'by' | 'frame' | 'complete' | 'within' | 'at' | 'until' | 'leading' | 'paren';

interface Candidate {
  readonly date: string | null;
  readonly start: number;
  readonly end: number;
  readonly firm: boolean;
  readonly done: boolean;
  readonly impossible: boolean;
  readonly cue: Cue;
  readonly mentionKind: DateMention['kind'];
  /** Where the date mention itself ends (the phrase may go on, e.g. with a closing bracket). */
  readonly mentionEnd: number;
}

/**
 * Reads the deadline of one task item. `text` is the item, `offset` its start in the
 * normalised document (spans are absolute). Of several deadline phrases the firm one wins
 * (a completion word: hoàn thành, xong, trước, chậm nhất), else the latest.
 *
 * @example readDeadline('Hoàn thành trước ngày 30/6/2025.', 0, { year: 2025 }).deadline?.date // '2025-06-30'
 */
export function readDeadline(text: string, offset: number, context: DeadlineContext): DeadlineReading {
  const warnings: ExtractWarning[] = [];
  const candidates = findCandidates(text, context.year);
  for (const c of candidates) {
    if (c.impossible) {
      warnings.push({
        code: 'impossible-date',
        message: `The deadline "${text.slice(c.start, c.end)}" names a day the calendar does not have.`,
        span: [offset + c.start, offset + c.end],
      });
    }
  }
  const chosen = choose(candidates);
  if (!chosen) return { deadline: null, done: false, warnings };
  const phrase = text.slice(chosen.start, chosen.end);
  if (chosen.date === null && !chosen.impossible) {
    warnings.push({
      code: 'deadline-without-date',
      message: `The deadline "${phrase}" does not say which year it is in.`,
      span: [offset + chosen.start, offset + chosen.end],
    });
  }
  return {
    deadline: { date: chosen.date, text: phrase, span: [offset + chosen.start, offset + chosen.end] },
    done: chosen.done,
    warnings,
  };
}

/**
 * The time frame a section states for all its items ("Thời gian: Từ ngày 15/11/2025 đến
 * ngày 15/12/2025" → 2025-12-15; "Thời gian hoàn thành: Quý II/2026" → 2026-06-30); null
 * when it states none or one with no end ("Thời gian: Thường xuyên").
 *
 * @example readSectionTimeFrame('Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025')?.date // '2025-12-15'
 */
export function readSectionTimeFrame(
  text: string,
  offset = 0,
  year: number | null = null,
): SectionTimeFrame | null {
  const re = new RegExp(FRAME_LABEL.source, FRAME_LABEL.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const restStart = m.index + m[0].length;
    const rest = text.slice(restStart, restStart + 200).split('\n', 1)[0] ?? '';
    const frame = readFrame(rest, restStart, year);
    if (!frame) continue;
    return {
      date: frame.date,
      text: text.slice(m.index, frame.end),
      span: [offset + m.index, offset + frame.end],
    };
  }
  return null;
}

// ---------------------------------------------------------------- phrases

const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const FRAME_LABEL =
  /(?<!\p{L})(?:Thời gian|Thời hạn|Tiến độ|Hạn (?:hoàn thành|nộp|báo cáo|gửi))(?:[^\S\n]+(?:thực hiện|hoàn thành|triển khai|tổ chức))?[^\S\n]*:[^\S\n]*/giu;
const CUES: ReadonlyArray<readonly [Cue, RegExp]> = [
  ['done', new RegExp(`${NOT_LETTER_BEFORE}đã hoàn thành(?:\\s+(?:trong|vào|xong))?\\s*$`, 'iu')],
  [
    'by',
    new RegExp(
      `${NOT_LETTER_BEFORE}(?:trước|chậm nhất(?:\\s+là)?|muộn nhất(?:\\s+là)?|hạn (?:chót|cuối)(?:\\s+là)?|không muộn hơn)(?:\\s+(?:trong|vào|đến))?(?:\\s+(?:cuối|hết))?\\s*:?\\s*$`,
      'iu',
    ),
  ],
  [
    'frame',
    new RegExp(
      `${NOT_LETTER_BEFORE}(?:thời gian|thời hạn|tiến độ|hạn (?:hoàn thành|nộp|báo cáo|gửi))(?:\\s+(?:thực hiện|hoàn thành|triển khai|tổ chức))?\\s*:\\s*(?:(?:trong|vào|đến)\\s+)?$`,
      'iu',
    ),
  ],
  ['complete', new RegExp(`${NOT_LETTER_BEFORE}(?:hoàn thành|xong)\\s*$`, 'iu')],
  ['within', new RegExp(`${NOT_LETTER_BEFORE}(?:(?:ngay|xong|hoàn thành)\\s+)?trong\\s*$`, 'iu')],
  ['at', new RegExp(`${NOT_LETTER_BEFORE}vào(?:\\s+(?:cuối|hết))?\\s*$`, 'iu')],
  ['until', new RegExp(`${NOT_LETTER_BEFORE}đến(?:\\s+hết)?\\s*$`, 'iu')],
];
const START_DATE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:từ|kể từ|tính từ|bắt đầu(?:\\s+(?:từ|vào|trong))?)\\s*$`,
  'iu',
);
const FROM_BEFORE = new RegExp(`${NOT_LETTER_BEFORE}từ\\s+trước\\s*$`, 'iu');
const AS_OF = new RegExp(`${NOT_LETTER_BEFORE}(?:tính|tới|cho)\\s+đến(?:\\s+hết)?\\s*$`, 'iu');
const COMPARISON = new RegExp(`${NOT_LETTER_BEFORE}(?:so với|cùng kỳ|như|bằng)\\s*$`, 'iu');
// aims the work only prepares for ("tạo tiền đề ... phấn đấu năm 2030", "tầm nhìn đến năm 2045")
const FURTHER_AIM =
  /tiền đề|hướng tới|hướng đến|tầm nhìn|định hướng|tạo nền tảng|làm nền tảng|chuẩn bị cho/iu;
// the year of data or of a plan right before "trong năm 2024" ("tăng trưởng kinh tế trong năm 2024")
const DATA_BEFORE_WITHIN =
  /(?:tăng trưởng(?:\s+kinh tế)?|GRDP|ngân sách(?:\s+nhà nước)?|dự toán|kế hoạch(?:\s+vốn)?|chỉ tiêu|số liệu|kết quả|thu nhập|sản lượng)\s+(?:trong\s*)$/iu;
// "trong năm 2025 giảm 5%": the year of a value, not of work
const VALUE_AFTER = /^\s*(?:tăng|giảm|đạt|ước đạt|ước|là|bằng|chiếm)\s+(?:\p{L}+\s+){0,2}\d/iu;
// "trong năm 2025 và những năm tiếp theo" goes on: no deadline
const ONGOING_AFTER = /^\s*(?:,\s*)?(?:và|cũng như)\s+(?:những|các)\s+năm\s+(?:tiếp theo|sau|tới)/iu;
const RECURRING_AFTER = /^\s*(?:của\s+)?(?:hằng|hàng|mỗi|các)\s+(?:năm|quý|tháng)(?!\p{L})/iu;
const COMPLETION = /(?<!\p{L})(?:hoàn thành|xong|hoàn tất|dứt điểm)(?!\p{L})/iu;
const ASPIRATION = /(?<!\p{L})(?:phấn đấu|phân đấu|phần đấu|hướng tới|mong muốn)(?!\p{L})/iu;
const CLAUSE_START = /(?:^|[.;:!?\n(])\s*(?:[-+•]\s*)?$/u;

/** Every deadline phrase of an item, with the day it allows. */
function findCandidates(text: string, year: number | null): Candidate[] {
  const mentions = readDates(text, { year });
  const citedDates = citationDateStarts(text);
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (!m || citedDates.has(m.span[0])) continue;
    const previous = out.at(-1);
    const c =
      readCandidate(text, m, mentions[i + 1] ?? null) ?? (previous ? continueList(text, previous, m) : null);
    if (c) out.push(c);
  }
  return out;
}

/** "trong tháng 7 và tháng 8/2025", "quý II, quý III/2025": a mention listed after a deadline shares its cue. */
function continueList(text: string, previous: Candidate, m: DateMention): Candidate | null {
  const gap = text.slice(previous.mentionEnd, m.span[0]);
  if (m.kind !== previous.mentionKind || !/^\s*(?:,|và|hoặc|-|–)\s*$/u.test(gap) || previous.done)
    return null;
  if (previous.cue !== 'within' && previous.cue !== 'at' && previous.cue !== 'complete') return null;
  return {
    ...previous,
    date: m.valid ? m.last : null,
    end: m.span[1],
    mentionEnd: m.span[1],
    impossible: !m.valid,
  };
}

/** Where the date of a cited document starts ("Kết luận số 726-KL/TU ngày 05/12/2023"). */
function citationDateStarts(text: string): Set<number> {
  const starts = new Set<number>();
  for (const n of findDocumentNumbers(text)) {
    const gap = /^[^\S\n]{0,2}[,(]?[^\S\n]{0,2}(?:ban hành[^\S\n]{1,2})?/u.exec(
      text.slice(n.span[1], n.span[1] + 20),
    );
    starts.add(n.span[1] + (gap?.[0].length ?? 0));
  }
  return starts;
}

function readCandidate(text: string, m: DateMention, next: DateMention | null): Candidate | null {
  const [start, end] = m.span;
  const before = text.slice(Math.max(0, start - 80), start);
  const after = text.slice(end, end + 80);
  if (START_DATE.test(before) && !FRAME_CUE.test(before)) return null;
  if (COMPARISON.test(before) || AS_OF.test(before) || FROM_BEFORE.test(before)) return null;
  const cue = findCue(before);
  const clause = clauseBefore(text, start);
  const segment = segmentBefore(text, start);
  const aspiring = ASPIRATION.test(segment);
  const completing = COMPLETION.test(segment);

  let kind: Cue | null = cue?.[0] ?? null;
  let phraseStart = start - (cue?.[1].length ?? 0);
  if (kind === 'within' && !acceptsWithin(m, before, after, completing)) return null;
  if (kind === 'at' && m.kind === 'day' && !completing) return null;
  if (kind === 'until' && !endsARange(m, clause)) return null;
  // "trước ngày 30/6 hằng năm" recurs: it is no single deadline
  if (!m.yearStated && RECURRING_AFTER.test(after)) return null;
  if (kind === 'complete' && m.kind === 'half' && !completing) return null;
  let leadEnd = end;
  if (!kind && CLAUSE_START.test(before)) {
    const lead = leadsAClause(m, after);
    if (lead !== null) {
      kind = 'leading';
      phraseStart = start;
      leadEnd = end + lead;
    }
  }
  // alone in brackets or in a table cell: "(tháng 3/2025)", "| Quý IV/2025 |"
  const alone =
    (/\(\s*$/u.test(before) && /^\s*\)/u.test(after)) ||
    (/\|\s*$/u.test(before) && /^\s*(?:\||$)/u.test(after));
  if (!kind && alone && m.kind !== 'year' && m.kind !== 'half') {
    kind = 'paren';
    phraseStart = start;
  }
  if (!kind || (m.kind === 'span' && kind !== 'frame')) return null;
  if (kind !== 'done' && kind !== 'by' && kind !== 'frame' && FURTHER_AIM.test(clause)) return null;

  let phraseEnd = leadEnd;
  let mention = m;
  // "từ ngày X đến ngày Y" in a frame ends on Y; "Thời gian: từ tháng 10/2025" only starts
  if (kind === 'frame' && next && RANGE_GLUE.test(text.slice(end, next.span[0]))) {
    mention = next;
    phraseEnd = next.span[1];
  } else if (kind === 'frame' && /từ\s*$/iu.test(cue?.[1] ?? '')) return null;
  const byStart =
    kind === 'by' && !/trong|đến|cuối|hết/iu.test(cue?.[1] ?? '') && /^trước/iu.test((cue?.[1] ?? '').trim());
  const date = dateOf(mention, byStart);
  // a phrase in parentheses keeps them: "(Hoàn thành trước ngày 30/6/2025)"
  const window = text.slice(Math.max(0, phraseStart - 40), phraseStart);
  const open = window.lastIndexOf('(');
  if (open >= 0 && !/[()]/u.test(window.slice(open + 1)) && text[phraseEnd] === ')') {
    phraseStart -= window.length - open;
    phraseEnd += 1;
  }
  const leadingWork = kind === 'leading' && leadEnd > end && !ASPIRATION.test(text.slice(end, leadEnd));
  const firm =
    kind === 'done' ||
    kind === 'by' ||
    kind === 'frame' ||
    leadingWork ||
    ((kind === 'complete' || completing) && !aspiring);
  return {
    date,
    start: phraseStart,
    end: phraseEnd,
    firm,
    done: kind === 'done',
    impossible: !mention.valid,
    cue: kind,
    mentionKind: mention.kind,
    mentionEnd: mention.span[1],
  };
}

const RANGE_GLUE = /^\s*(?:-|–|đến(?:\s+hết)?)\s*$/iu;
// "Thời gian: Từ ngày X ...": a frame that starts a range, not a start date
const FRAME_CUE = /(?:thời gian|thời hạn|tiến độ)(?:\s+\p{L}+){0,2}\s*:\s*từ\s*$/iu;

/** The cue right before a mention, and the words it spans. */
function findCue(before: string): readonly [Cue, string] | null {
  for (const [cue, re] of CUES) {
    const m = re.exec(before);
    if (m) return [cue, m[0]] as const;
  }
  const frame = FRAME_CUE.exec(before);
  return frame ? (['frame', frame[0]] as const) : null;
}

/** "từ ngày X đến ngày Y", "từ tháng 3 đến hết tháng 6/2025": the end of a stated range. */
function endsARange(m: DateMention, clause: string): boolean {
  return m.kind !== 'year' && m.kind !== 'half' && /(?<!\p{L})từ(?!\p{L})/iu.test(clause);
}

/** "trong" + period: a month or quarter always; a half year or year only when it bounds the work. */
function acceptsWithin(m: DateMention, before: string, after: string, completing: boolean): boolean {
  if (VALUE_AFTER.test(after)) return false;
  switch (m.kind) {
    case 'day':
    case 'month':
    case 'quarter':
      return true;
    case 'half':
      return completing;
    case 'year':
      return !DATA_BEFORE_WITHIN.test(before) && !ONGOING_AFTER.test(after);
    default:
      return false;
  }
}

/**
 * "Năm 2024, hoàn thành ...", "Tháng 5/2026, báo cáo ...", "Quý II/2026: ...": how much of
 * what follows belongs to the phrase, or null when the mention does not lead its clause.
 */
function leadsAClause(m: DateMention, after: string): number | null {
  if (!/^\s*[,:]/u.test(after)) return null;
  if (m.kind === 'year') {
    const verb = /^\s*[,:]\s*(?:\p{L}+\s+){0,3}?(?:hoàn thành|xong)(?!\p{L})/iu.exec(after);
    return verb ? verb[0].length : null;
  }
  return m.kind === 'month' || m.kind === 'quarter' ? 0 : null;
}

/** The last day a mention allows; "trước" a period ends the day before it starts. */
function dateOf(m: DateMention, beforeStart: boolean): string | null {
  if (!m.valid) return null;
  if (beforeStart && m.kind !== 'day') {
    const first = m.first;
    if (!first) return null;
    const [y, mo, d] = first.split('-').map(Number);
    return dayBefore(y ?? 0, mo ?? 0, d ?? 0);
  }
  return m.last;
}

/** The clause an index stands in: back to the previous sentence or clause break. */
function clauseBefore(text: string, index: number): string {
  const from = Math.max(0, index - 160);
  const slice = text.slice(from, index);
  const cut = Math.max(slice.lastIndexOf('.'), slice.lastIndexOf(';'), slice.lastIndexOf('\n'));
  return cut >= 0 ? slice.slice(cut + 1) : slice;
}

/** The stretch before an index back to the previous comma, clause break or bracket. */
function segmentBefore(text: string, index: number): string {
  const from = Math.max(0, index - 160);
  const slice = text.slice(from, index);
  let cut = -1;
  for (const ch of [',', ';', '.', ':', '(', ')', '\n']) cut = Math.max(cut, slice.lastIndexOf(ch));
  return cut >= 0 ? slice.slice(cut + 1) : slice;
}

/** The firm phrase with the latest day, else the phrase with the latest day; dated ones first. */
function choose(candidates: readonly Candidate[]): Candidate | null {
  const dated = candidates.filter((c) => c.date !== null);
  const pool = dated.length > 0 ? dated : candidates;
  const firm = pool.filter((c) => c.firm);
  const from = firm.length > 0 ? firm : pool;
  let best: Candidate | null = null;
  for (const c of from) {
    if (!best || (c.date !== null && best.date !== null && c.date > best.date)) best = c;
  }
  return best;
}

/** A frame's end: "Từ ngày X đến ngày Y" → Y; "Quý II/2026" → its last day; null for "Thường xuyên". */
function readFrame(
  rest: string,
  restStart: number,
  year: number | null,
): { date: string | null; end: number } | null {
  // every date has a digit, but for "quý II" written without a year
  if (!/\d|quý/iu.test(rest)) return null;
  const mentions = readDates(rest, { year });
  const first = mentions[0];
  if (!first) return null;
  const second = mentions[1];
  const between = second ? rest.slice(first.span[1], second.span[0]) : '';
  const last = second && RANGE_GLUE.test(between) ? second : first;
  const beforeFirst = rest.slice(0, first.span[0]);
  if (last === first && START_DATE.test(beforeFirst)) return null;
  const byStart = /(?<!\p{L})trước\s*$/iu.test(beforeFirst) && last === first;
  return { date: dateOf(last, byStart), end: restStart + last.span[1] };
}
