/**
 * Reference pass: the other documents a directive cites by number — "Nghị quyết số
 * 105/2023/QH15 ngày 10 tháng 11 năm 2023", "Kết luận số 726-KL/TU ngày 05/12/2023",
 * "Quyết định 489/QĐ-TTg ngày 10/6/2024", "công văn số 2596-CV" — each number once, with the
 * date written right after it. Footnotes count (the normaliser puts them at the end).
 */
import type { Reference, Span } from './types.js';
import { readDateAt } from './read-date.js';

/** A document number read from a text, as written and in canonical form. */
export interface DocumentNumber {
  /** Canonical form: stray spaces removed, dashes unified ("27/NQ- TW" → "27/NQ-TW"). */
  readonly number: string;
  /** The raw slice it was read from. */
  readonly raw: string;
  readonly span: Span;
  /** How many "-" or "/" separators it has. */
  readonly separators: number;
}

// A code segment: NQ, KL, QH15, TTg, QĐi, CTr, BCSĐ, ĐA — at least one uppercase letter.
const CODE = '(?:\\p{Lu}{2,}[\\p{Lu}\\d]*\\p{Ll}{1,2}|\\p{Lu}[\\p{Lu}\\d]*)(?![\\p{L}\\d])';
const NUM = '\\d{1,5}(?![\\p{L}\\d])';
const SEP = '[^\\S\\n]?[-/–][^\\S\\n]?';
const NUMBER_SOURCE = `(?<![\\p{L}\\d/.,–-])\\d{1,5}(?:${SEP}(?:${CODE}|${NUM})){1,5}`;
const NUMBER_PATTERN = new RegExp(NUMBER_SOURCE, 'gu');
const HAS_CODE = /\p{Lu}/u;

/**
 * Every document-number-shaped token of `text` that contains a letter code
 * ("412/NQ-HĐND", "45-KL/TU", "2596-CV"), with spans shifted by `offset`.
 */
export function findDocumentNumbers(text: string, offset = 0): DocumentNumber[] {
  const out: DocumentNumber[] = [];
  const re = NUMBER_PATTERN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    if (!HAS_CODE.test(raw)) continue;
    const number = canonicalNumber(raw);
    const separators = (number.match(/[-/]/g) ?? []).length;
    out.push({ number, raw, span: [offset + m.index, offset + m.index + raw.length], separators });
  }
  return out;
}

/** A document number written without stray spaces and with plain dashes. */
export function canonicalNumber(raw: string): string {
  return raw.replace(/\s+/g, '').replace(/[–—]/g, '-');
}

/** The key two numbers are compared by: canonical, uppercase, Đ read as D. */
export function numberKey(number: string): string {
  return canonicalNumber(number)
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/Đ/g, 'D');
}

// What names a cited document right before its number ("Kết luận số", "Quyết định", "số").
const CITING_WORDS =
  /(?:^|[^\p{L}])(?:số|nghị quyết|kết luận|chỉ thị|quyết định|kế hoạch|báo cáo|thông báo|công văn|văn bản|thông tri|hướng dẫn|quy định|quy chế|đề án|chương trình(?: hành động)?|tờ trình|nghị định|thông tư|luật|pháp lệnh|công điện|điện|thông tư liên tịch)[^\S\n]{0,3}(?:số[^\S\n]{0,3})?:?[^\S\n]{0,2}$/iu;
// Forms and annexes carry numbers that are not documents ("Mẫu số 01/BC").
const NOT_A_DOCUMENT = /(?:mẫu|biểu|phụ lục|phiếu|điều|khoản|mục)[^\S\n]{0,3}(?:số[^\S\n]{0,3})?$/iu;
// The date of a citation follows its number: " ngày 05/12/2023", ", ngày ...", " ban hành ngày ...".
const BEFORE_DATE = /^[^\S\n]{0,2}[,(]?[^\S\n]{0,2}(?:ban hành[^\S\n]{1,2})?(?=ngày)/iu;

/**
 * Every document the text cites by number, each number once (first mention's span; date
 * from the first mention that gives one), leaving out the document's own number.
 *
 * @example readReferences('Căn cứ Kết luận số 726-KL/TU ngày 05/12/2023 ...', null)
 * // [{ number: '726-KL/TU', date: '2023-12-05', span: [18, 27] }]
 */
export function readReferences(text: string, ownNumber: string | null): Reference[] {
  const ownKey = ownNumber ? numberKey(ownNumber) : null;
  const byKey = new Map<string, { number: string; date: string | null; span: Span }>();
  for (const found of findDocumentNumbers(text)) {
    const key = numberKey(found.number);
    if (key === ownKey) continue;
    const before = text.slice(Math.max(0, found.span[0] - 40), found.span[0]);
    if (NOT_A_DOCUMENT.test(before)) continue;
    // a number with one separator ("2596-CV", "01/BC") must be introduced as a document
    if (found.separators < 2 && !CITING_WORDS.test(before)) continue;
    const date = dateAfter(text, found.span[1]);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { number: found.number, date, span: found.span });
    else if (seen.date === null && date !== null) byKey.set(key, { ...seen, date });
  }
  return [...byKey.values()];
}

/** The issue date written right after a cited number, or null. */
function dateAfter(text: string, end: number): string | null {
  const rest = text.slice(end, end + 120);
  const lead = BEFORE_DATE.exec(rest);
  if (!lead) return null;
  const mention = readDateAt(rest.slice(lead[0].length));
  return mention?.kind === 'day' && mention.yearStated ? mention.first : null;
}
