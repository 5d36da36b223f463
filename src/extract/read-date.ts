/**
 * Date pass: finds the Vietnamese ways of writing a day or a period in a string —
 * "ngày 07 tháng 12 năm 2023", "ngày 05/12/2023", "5-12-2023", "ngày 30/6", "tháng 02/2025",
 * "tháng 6 năm 2026", "quý II năm 2026", "quý I/2026", "6 tháng đầu năm 2024", "năm 2025",
 * "giai đoạn 2021 - 2025" — as typed mentions with spans and their first and last days,
 * for the header, reference, deadline and period passes to share.
 */
import type { Span } from './types.js';
import {
  isoDate,
  lastDayOfHalf,
  lastDayOfMonth,
  lastDayOfQuarter,
  lastDayOfYear,
  romanToInt,
} from './calendar.js';

interface MentionBase {
  /** The mention as written. */
  readonly text: string;
  /** Where it is, shifted by `offset`. */
  readonly span: Span;
  /** First day the mention covers (ISO), null when it has no year or cannot exist. */
  readonly first: string | null;
  /** Last day the mention covers (ISO), null when it has no year or cannot exist. */
  readonly last: string | null;
  /** True when the year is written in the mention; false when it came from `year` or is missing. */
  readonly yearStated: boolean;
  /** False when the calendar has no such day or month ("ngày 51/5/2024", "tháng 13/2025"). */
  readonly valid: boolean;
}

/** One date or period named in a text. */
export type DateMention =
  | (MentionBase & {
      readonly kind: 'day';
      readonly year: number | null;
      readonly month: number;
      readonly day: number;
    })
  | (MentionBase & { readonly kind: 'month'; readonly year: number | null; readonly month: number })
  | (MentionBase & { readonly kind: 'quarter'; readonly year: number | null; readonly quarter: number })
  | (MentionBase & { readonly kind: 'half'; readonly year: number | null; readonly half: 1 | 2 })
  | (MentionBase & { readonly kind: 'year'; readonly year: number })
  | (MentionBase & { readonly kind: 'span'; readonly from: number; readonly to: number });

export type DateKind = DateMention['kind'];

export interface ReadDatesOptions {
  /** Added to every span, for a text that is a slice of a larger one. Default 0. */
  readonly offset?: number;
  /** The year to assume for a day, month, quarter or half written without one. Default none. */
  readonly year?: number | null;
}

// Spaces inside one mention: bounded, and never across a line break.
const SP = '[^\\S\\n]{1,3}';
const OSP = '[^\\S\\n]{0,3}';
const LB = '(?<![\\p{L}\\p{N}])';
const YEAR = '(?:1[89]|2[01])\\d\\d(?!\\d)';

const DATE_PATTERN = new RegExp(
  [
    // ngày 07 tháng 12 năm 2023 / ngày 30 tháng 6
    `${LB}ngày${SP}(?<d1>\\d{1,2})${SP}tháng${SP}(?<m1>\\d{1,2})(?!\\d)(?:${SP}năm${SP}(?<y1>\\d{4})(?!\\d))?`,
    // ngày 05/12/2023, 5-12-2023, 05.12.2023
    `${LB}(?:ngày${SP})?(?<d2>\\d{1,2})(?:${OSP}\\/${OSP}(?<m2a>\\d{1,2})${OSP}\\/${OSP}|-(?<m2b>\\d{1,2})-|\\.(?<m2c>\\d{1,2})\\.)(?<y2>\\d{4})(?![\\d/])`,
    // ngày 30/6 (a day without a year needs "ngày")
    `${LB}ngày${SP}(?<d3>\\d{1,2})${OSP}[/-]${OSP}(?<m3>\\d{1,2})(?![\\d/-])`,
    // 6 tháng đầu năm 2024, sáu tháng cuối năm, nửa đầu năm 2025
    `${LB}(?:0?6|sáu)${SP}tháng${SP}(?<h1>đầu|cuối)(?:${SP}năm)?(?:${SP}(?<hy1>${YEAR}))?`,
    `${LB}nửa${SP}(?<h2>đầu|cuối)${SP}năm(?:${SP}(?<hy2>${YEAR}))?`,
    // tháng 02/2025, tháng 3-2025, tháng 6 năm 2026, tháng 3
    `${LB}tháng${SP}(?<m4>\\d{1,2})(?!\\d)(?:(?:${OSP}[/-]${OSP}|${SP}năm${SP})(?<y4>\\d{4})(?!\\d)|(?![/.,-]\\d))`,
    // quý II năm 2026, quý I/2026, quý 2-2026, quý IV
    `${LB}quý${SP}(?<q>IV|I{1,3}|[1-4])(?![\\p{L}\\d])(?:(?:${OSP}[/-]${OSP}|${SP}năm${SP})(?<qy>\\d{4})(?!\\d))?`,
    // 2021 - 2025, năm 2021-2025 (a span of years)
    `${LB}(?:năm${SP})?(?<s1>${YEAR})${OSP}[-–—]${OSP}(?:năm${SP})?(?<s2>${YEAR})`,
    // năm 2025
    `${LB}năm${SP}(?<y5>\\d{4})(?!\\d)`,
  ].join('|'),
  'giu',
);

/**
 * Every date or period written in `text`, in order, without overlaps.
 *
 * @example readDates('trong quý II năm 2026')[0] // { kind: 'quarter', quarter: 2, year: 2026, last: '2026-06-30', ... }
 */
export function readDates(text: string, options: ReadDatesOptions = {}): DateMention[] {
  const offset = options.offset ?? 0;
  const defaultYear = options.year ?? null;
  const out: DateMention[] = [];
  // one shared pattern: compiling it per call costs more than the search on short texts
  const re = DATE_PATTERN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const mention = toMention(m, offset, defaultYear);
    if (mention) out.push(mention);
  }
  return out;
}

/** The mention that starts exactly at the beginning of `text`, else null. */
export function readDateAt(text: string, options: ReadDatesOptions = {}): DateMention | null {
  const first = readDates(text.slice(0, 80), options)[0];
  return first && first.span[0] === (options.offset ?? 0) ? first : null;
}

function toMention(m: RegExpExecArray, offset: number, defaultYear: number | null): DateMention | null {
  const g = m.groups ?? {};
  const text = m[0];
  const span: Span = [offset + m.index, offset + m.index + text.length];
  const yearOf = (raw: string | undefined) => (raw ? Number(raw) : defaultYear);
  if (g.d1 || g.d2 || g.d3) {
    const day = Number(g.d1 ?? g.d2 ?? g.d3);
    const month = Number(g.m1 ?? g.m2a ?? g.m2b ?? g.m2c ?? g.m3);
    const rawYear = g.y1 ?? g.y2;
    const year = yearOf(rawYear);
    const iso = year === null ? null : isoDate(year, month, day);
    const valid = year === null ? isoDate(2000, month, day) !== null : iso !== null;
    return { kind: 'day', text, span, year, month, day, first: iso, last: iso, yearStated: !!rawYear, valid };
  }
  if (g.h1 || g.h2) {
    const half = (g.h1 ?? g.h2 ?? '').toLowerCase() === 'đầu' ? 1 : 2;
    const rawYear = g.hy1 ?? g.hy2;
    const year = yearOf(rawYear);
    const last = year === null ? null : lastDayOfHalf(year, half);
    const first = year === null ? null : isoDate(year, half === 1 ? 1 : 7, 1);
    return { kind: 'half', text, span, year, half, first, last, yearStated: !!rawYear, valid: true };
  }
  if (g.m4) {
    const month = Number(g.m4);
    const year = yearOf(g.y4);
    const valid = month >= 1 && month <= 12 && (year === null || isoDate(year, month, 1) !== null);
    const first = year === null || !valid ? null : isoDate(year, month, 1);
    const last = year === null || !valid ? null : lastDayOfMonth(year, month);
    return { kind: 'month', text, span, year, month, first, last, yearStated: !!g.y4, valid };
  }
  if (g.q) {
    const quarter = romanToInt(g.q) ?? Number(g.q);
    const year = yearOf(g.qy);
    const valid = year === null || isoDate(year, 1, 1) !== null;
    const first = year === null ? null : isoDate(year, quarter * 3 - 2, 1);
    const last = year === null ? null : lastDayOfQuarter(year, quarter);
    return { kind: 'quarter', text, span, year, quarter, first, last, yearStated: !!g.qy, valid };
  }
  if (g.s1 && g.s2) {
    const from = Number(g.s1);
    const to = Number(g.s2);
    if (to <= from) return null;
    return {
      kind: 'span',
      text,
      span,
      from,
      to,
      first: isoDate(from, 1, 1),
      last: lastDayOfYear(to),
      yearStated: true,
      valid: true,
    };
  }
  if (g.y5) {
    const year = Number(g.y5);
    const last = lastDayOfYear(year);
    if (last === null) return null;
    return {
      kind: 'year',
      text,
      span,
      year,
      first: isoDate(year, 1, 1),
      last,
      yearStated: true,
      valid: true,
    };
  }
  return null;
}
