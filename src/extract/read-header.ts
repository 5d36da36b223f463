/**
 * Header pass: the document's own fields as Nghị định 30/2020/NĐ-CP lays them out — the
 * "Số:" line, the place-and-date line, the type word (NGHỊ QUYẾT, KẾT LUẬN, ...) and the
 * title under it, the issuing body, and the signer at the end of the signature block.
 * Only the header and the signature are read: numbers and dates cited in the body are not
 * the document's own.
 */
import type { DocumentFields, DocumentType, ExtractWarning, Span } from './types.js';
import { readDateAt } from './read-date.js';
import { findDocumentNumbers } from './read-references.js';

/** The document fields of a directive and what could not be read. */
export interface HeaderReading {
  readonly document: DocumentFields;
  readonly warnings: ExtractWarning[];
}

interface Line {
  readonly text: string;
  readonly start: number;
}

const HEADER_MAX_LINES = 40;
const HEADER_LINE_MAX = 400;

/**
 * Reads number, type, issuer, issue date, title and signer from a normalised text.
 *
 * @example readHeader('Số: 412/NQ-HĐND\nHưng Yên, ngày 07 tháng 12 năm 2023\nNGHỊ QUYẾT\n...').document.date // '2023-12-07'
 */
export function readHeader(text: string): HeaderReading {
  const warnings: ExtractWarning[] = [];
  const lines = splitLines(text);
  const bodyEnd = footnoteStart(lines);
  const header = headerZone(lines, bodyEnd);

  const numberLine = readNumberLine(header);
  const number = numberLine?.number ?? null;
  if (!number) {
    warnings.push({
      code: 'no-document-number',
      message: numberLine ? 'The "Số:" line gives no number.' : 'The document has no "Số:" line.',
      span: numberLine?.span ?? null,
    });
  }

  const issue = readIssueDate(header);
  if (issue?.date === null) {
    warnings.push({
      code: 'impossible-date',
      message: `The issue date "${issue.text}" is not a day of the calendar.`,
      span: issue.span,
    });
  } else if (!issue) {
    warnings.push({ code: 'no-issue-date', message: 'The document has no place-and-date line.', span: null });
  }

  const typeLine = findTypeLine(header);
  const type = typeLine?.type ?? typeFromCongVan(header) ?? typeFromNumber(number) ?? 'other';
  const title = readTitle(header, typeLine);
  const province = findProvince(header, issue?.place ?? null, text);
  const signature = findSignature(lines.slice(0, bodyEnd));
  const issuer = readIssuer(header, typeLine, lines, province, signature?.authority ?? null);

  return {
    document: {
      number,
      type,
      issuer,
      date: issue?.date ?? null,
      title,
      signer: signature?.name ?? null,
    },
    warnings,
  };
}

// ---------------------------------------------------------------- lines

/** Lines with their offsets; a table row ("| a | b |") gives one line per cell. */
function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    if (raw.includes('|')) {
      let cellStart = start;
      for (const cell of raw.split('|')) {
        pushTrimmed(out, cell, cellStart);
        cellStart += cell.length + 1;
      }
    } else pushTrimmed(out, raw, start);
    start += raw.length + 1;
  }
  return out;
}

// The national and Party mottos share the header's lines; they are never a field.
const MOTTO =
  /\s*(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|ĐỘC LẬP\s*-\s*TỰ DO\s*-\s*HẠNH PHÚC)\s*/gu;

function pushTrimmed(out: Line[], raw: string, start: number): void {
  const lead = raw.length - raw.trimStart().length;
  let t = raw.trim();
  if (t.length <= HEADER_LINE_MAX && /NAM|Hạnh phúc|HẠNH PHÚC/u.test(t)) t = t.replace(MOTTO, ' ').trim();
  if (/^:?-{3,}:?$/.test(t) || /^[-*_=\s]+$/u.test(t)) t = '';
  out.push({ text: t, start: start + lead });
}

const FOOTNOTE_LINE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u;

/** Index of the first footnote line (the normaliser moves them all to the end). */
function footnoteStart(lines: readonly Line[]): number {
  let end = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]?.text ?? '';
    if (t === '') continue;
    if (!FOOTNOTE_LINE.test(t)) break;
    end = i;
  }
  return end;
}

// A line that opens the body: legal bases, a dated opening sentence, a numbered section.
const BODY_START =
  /^(?:Căn cứ|Ngày \d|Điều \d|Chương [IVX\d]|Phần [IVX\d]|[IVX]+[.-]\s|\d+[.-]\s|[a-zđ]\)\s|Kính gửi)/u;
// Openings that can also start a title right under the type word ("KẾ HOẠCH / Thực hiện Nghị quyết ...").
const BODY_START_UNLESS_TITLE = /^(?:Thực hiện|Xét|Theo|Trên cơ sở)\s/u;

/** The header: the lines before the body starts (at most 40, none of them long). */
function headerZone(lines: readonly Line[], bodyEnd: number): Line[] {
  const out: Line[] = [];
  let previous = '';
  for (let i = 0; i < bodyEnd && out.length < HEADER_MAX_LINES; i++) {
    const line = lines[i];
    if (!line) break;
    const t = line.text;
    if (t.length > HEADER_LINE_MAX || BODY_START.test(t)) break;
    if (BODY_START_UNLESS_TITLE.test(t) && !startsWithTypeWord(previous)) break;
    out.push(line);
    if (t !== '') previous = t;
  }
  return out;
}

function startsWithTypeWord(t: string): boolean {
  return TYPE_WORDS.some(([word]) => t.startsWith(word));
}

function isUpperLine(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

// ---------------------------------------------------------------- number

// "Số: 412/NQ-HĐND", "Số 45-KL/TU", or after the issuer in a flattened row ("TỈNH ỦY HƯNG YÊN Số 45-KL/TU")
const NUMBER_LINE = /^(?:[\p{Lu}\s*-]{2,120}\s)?(?:Số|SỐ)(?:[^\S\n]{0,3}[:.])?[^\S\n]{0,3}(?<rest>.*)$/u;

/** The "Số: 412/NQ-HĐND" line of the header: its number (null when left blank). */
function readNumberLine(header: readonly Line[]): { number: string | null; span: Span } | null {
  for (const line of header) {
    const m = NUMBER_LINE.exec(line.text);
    if (!m || /(?:^|\s)Số[^\S\n]+(?:liệu|lượng)/iu.test(line.text)) continue;
    const rest = m.groups?.rest ?? '';
    const restStart = line.start + line.text.length - rest.length;
    const first = findDocumentNumbers(rest.slice(0, 80), restStart)[0];
    const span: Span = [line.start, line.start + line.text.length];
    // the number must open the rest of the line ("Số: /KH-UBND" is a blank left for the number)
    if (first && first.span[0] - restStart <= 1) return { number: first.number, span: first.span };
    if (/^[\s.…_/-]*(?:\/|-)/u.test(rest) || rest.trim() === '') return { number: null, span };
  }
  return null;
}

// ---------------------------------------------------------------- date

const PLACE_DATE =
  /(?<![\p{L}\d/-])(?<place>(?:(?:Thành phố|Thị xã|Thị trấn|Huyện|Quận|Tỉnh|TP\.)[^\S\n]{1,2})?\p{Lu}[\p{L}.]*(?:[^\S\n]{1,2}-?[^\S\n]{0,2}\p{Lu}[\p{L}.]*){0,5})[^\S\n]{0,2},[^\S\n]{0,3}(?=ngày)/u;

/** The place-and-date line ("Hưng Yên, ngày 07 tháng 12 năm 2023"): its date, or null if impossible. */
function readIssueDate(
  header: readonly Line[],
): { date: string | null; text: string; span: Span; place: string } | null {
  for (const line of header) {
    const m = PLACE_DATE.exec(line.text);
    const place = m?.groups?.place;
    if (!m || !place || /^(?:Ngày|Số|SỐ|Về|V\/v)$/u.test(place)) continue;
    // the place opens its line, or follows the number in a flattened header row
    if (m.index > 0 && !/^(?:Số|SỐ)[^,]*\s$/u.test(line.text.slice(0, m.index))) continue;
    const at = m.index + m[0].length;
    const mention = readDateAt(line.text.slice(at), { offset: line.start + at });
    if (!mention || mention.kind !== 'day' || !mention.yearStated) continue;
    return { date: mention.valid ? mention.first : null, text: mention.text, span: mention.span, place };
  }
  return null;
}

// ---------------------------------------------------------------- type and title

const TYPE_WORDS: ReadonlyArray<readonly [string, DocumentType]> = [
  ['NGHỊ QUYẾT', 'nghi_quyet'],
  ['KẾT LUẬN', 'ket_luan'],
  ['KẾ HOẠCH', 'ke_hoach'],
  ['CHỈ THỊ', 'chi_thi'],
  ['QUYẾT ĐỊNH', 'quyet_dinh'],
  ['THÔNG BÁO', 'thong_bao'],
  ['BÁO CÁO', 'bao_cao'],
  ['CÔNG VĂN', 'cong_van'],
  ['NGHỊ ĐỊNH', 'other'],
  ['THÔNG TƯ LIÊN TỊCH', 'other'],
  ['THÔNG TƯ', 'other'],
  ['THÔNG TRI', 'other'],
  ['LUẬT', 'other'],
  ['PHÁP LỆNH', 'other'],
  ['CÔNG ĐIỆN', 'other'],
  ['TỜ TRÌNH', 'other'],
  ['HƯỚNG DẪN', 'other'],
  ['QUY ĐỊNH', 'other'],
  ['QUY CHẾ', 'other'],
  ['CHƯƠNG TRÌNH', 'other'],
  ['ĐỀ ÁN', 'other'],
  ['PHƯƠNG ÁN', 'other'],
  ['BIÊN BẢN', 'other'],
  ['GIẤY MỜI', 'other'],
];

interface TypeLine {
  readonly index: number;
  readonly type: DocumentType;
  /** What follows the type word on the same line, when it is a title ("KẾ HOẠCH Triển khai ..."). */
  readonly rest: string;
}

/** The first header line that starts with a type word written in capitals. */
function findTypeLine(header: readonly Line[]): TypeLine | null {
  for (let i = 0; i < header.length; i++) {
    const t = header[i]?.text ?? '';
    for (const [word, type] of TYPE_WORDS) {
      if (!t.startsWith(word)) continue;
      const rest = t.slice(word.length);
      if (rest !== '' && !/^[\s:]/u.test(rest)) continue;
      const after = rest.replace(/^[\s:]+/u, '');
      // "KẾT LUẬN CỦA BỘ CHÍNH TRỊ" and "KẾ HOẠCH Triển khai ..." are type lines; "QUYẾT ĐỊNH này ..." is not
      if (after !== '' && !isUpperLine(after) && !/^(?:Về|V\/v|\p{Lu})/u.test(after)) continue;
      return { index: i, type, rest: after };
    }
  }
  return null;
}

const V_V = /^(?:V\/v|V\/V|v\/v)(?!\p{L})[.:]?\s*/u;

function typeFromCongVan(header: readonly Line[]): DocumentType | null {
  return header.some((l) => V_V.test(l.text)) ? 'cong_van' : null;
}

const CODE_TYPES: Readonly<Record<string, DocumentType>> = {
  NQ: 'nghi_quyet',
  KL: 'ket_luan',
  KH: 'ke_hoach',
  CT: 'chi_thi',
  QĐ: 'quyet_dinh',
  TB: 'thong_bao',
  BC: 'bao_cao',
  CV: 'cong_van',
};
// Type codes of Nghị định 30 and of the Party's rules that map to no type of the schema.
const OTHER_CODES = new Set([
  'NĐ',
  'TT',
  'TTLT',
  'CĐ',
  'TTr',
  'HD',
  'QC',
  'QyĐ',
  'QĐi',
  'CTr',
  'ĐA',
  'DA',
  'PA',
  'BB',
  'HĐ',
  'GM',
  'GUQ',
  'L',
  'PL',
]);

/** The type a number's code gives: "412/NQ-HĐND" → nghi_quyet; "123/UBND-KT" (no type code) → cong_van. */
function typeFromNumber(number: string | null): DocumentType | null {
  if (!number) return null;
  const codes = number.split(/[-/]/).filter((s) => /\p{L}/u.test(s) && !/^QH\d+$/u.test(s));
  const first = codes[0];
  if (!first) return /\/QH\d+$/u.test(number) ? 'other' : null;
  const known = CODE_TYPES[first];
  if (known) return known;
  if (OTHER_CODES.has(first)) return 'other';
  // a state công văn is numbered "123/UBND-KT": issuer and unit, no type code
  return /^\d+\//u.test(number) ? 'cong_van' : null;
}

/** The title: the "Về ..." line(s) or the lines under the type line, wrapped lines joined. */
function readTitle(header: readonly Line[], typeLine: TypeLine | null): string | null {
  const vv = header.find((l) => V_V.test(l.text));
  if (!typeLine) return vv ? vv.text : null;
  if (typeLine.rest && !isUpperLine(typeLine.rest)) return typeLine.rest;
  const parts: string[] = [];
  for (let i = typeLine.index + 1; i < header.length && i <= typeLine.index + 8; i++) {
    const t = header[i]?.text ?? '';
    const isTitleLine =
      t !== '' && (!isUpperLine(t) || /^VỀ\s/u.test(t)) && !PLACE_DATE.test(t) && !NUMBER_LINE.test(t);
    const previous = parts.at(-1);
    // a wrapped title goes on in lowercase or after a line with no full stop; a sentence of the body does not
    const continues =
      previous === undefined ||
      /^\p{Ll}/u.test(t) ||
      (!/[.:!?]$/u.test(previous) && !/[.:]$/u.test(t) && t.length < 200);
    if (isTitleLine && continues) {
      parts.push(t);
      if (parts.length >= 4) break;
    } else if (parts.length > 0) break;
  }
  return parts.length ? parts.join(' ') : upperTitle(header, typeLine);
}

/** A title written in capitals under the type word ("PHÊ DUYỆT QUY HOẠCH TỈNH ..."), as written. */
function upperTitle(header: readonly Line[], typeLine: TypeLine): string | null {
  const parts: string[] = [];
  for (let i = typeLine.index + 1; i < header.length && parts.length < 4; i++) {
    const t = header[i]?.text ?? '';
    const isTitle =
      t !== '' && isUpperLine(t) && !/^CỦA\s/u.test(t) && !BODY_WORDS.test(`${t} `) && !SKIP_HEADER.test(t);
    if (isTitle) parts.push(t);
    else if (parts.length > 0) break;
  }
  return parts.length ? parts.join(' ') : null;
}

// ---------------------------------------------------------------- issuer

const SKIP_HEADER = /^(?:CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|ĐỘC LẬP|\*|-)/u;
const BODY_WORDS =
  /^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|BAN (?!HÀNH)|BỘ |SỞ |CỤC |TỔNG CỤC|VỤ |VĂN PHÒNG|THỦ TƯỚNG|CHÍNH PHỦ|QUỐC HỘI|ỦY BAN THƯỜNG VỤ|MẶT TRẬN|TRUNG ƯƠNG|CHỦ TỊCH|BỘ TRƯỞNG|ĐOÀN|KIỂM TOÁN|TÒA ÁN|VIỆN KIỂM SÁT|NGÂN HÀNG)/u;
const LEVEL_CONTINUATION = /^(?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s/u;

/** The issuing body, in proper case: the header's issuer lines, "CỦA ..." line, opening sentence or signature. */
function readIssuer(
  header: readonly Line[],
  typeLine: TypeLine | null,
  lines: readonly Line[],
  province: string | null,
  authority: string | null,
): string | null {
  const named =
    ofLine(header, typeLine) ??
    issuerBlock(header, typeLine) ??
    authorityLine(header, typeLine) ??
    openingSubject(lines, header.length) ??
    (authority ? properCase(authority) : null);
  return named ? withProvince(named, province) : null;
}

/** "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under the type word. */
function ofLine(header: readonly Line[], typeLine: TypeLine | null): string | null {
  if (!typeLine) return null;
  const candidates = [
    typeLine.rest,
    ...header.slice(typeLine.index + 1, typeLine.index + 4).map((l) => l.text),
  ];
  for (const t of candidates) {
    const m = /^CỦA\s+(.{3,120})$/u.exec(t);
    if (m?.[1] && isUpperLine(m[1])) return properCase(m[1]);
  }
  return null;
}

/** The issuer lines at the top of the header, before the number and the type word. */
function issuerBlock(header: readonly Line[], typeLine: TypeLine | null): string | null {
  const end = typeLine ? typeLine.index : header.length;
  const block: string[] = [];
  for (let i = 0; i < end; i++) {
    const t = (header[i]?.text ?? '').replace(/\s*[-*]+\s*$/u, '');
    if (t === '' || SKIP_HEADER.test(t) || NUMBER_LINE.test(t) || PLACE_DATE.test(t)) {
      if (block.length > 0) break;
      continue;
    }
    if (!isUpperLine(t)) {
      if (block.length > 0) break;
      continue;
    }
    if (block.length === 0 && !BODY_WORDS.test(`${t} `)) continue;
    block.push(t);
    if (block.length >= 3) break;
  }
  const [first, second] = block;
  if (!first) return null;
  if (!second) return properCase(first);
  // "ỦY BAN NHÂN DÂN / TỈNH NGHỆ AN" is one name; "UBND TỈNH NGHỆ AN / SỞ TÀI CHÍNH" names the office
  if (LEVEL_CONTINUATION.test(`${second} `)) return properCase(`${first} ${second}`);
  return BODY_WORDS.test(`${second} `) ? properCase(second) : properCase(first);
}

/** The enacting authority line under the title ("HỘI ĐỒNG NHÂN DÂN TỈNH HƯNG YÊN", "THỦ TƯỚNG CHÍNH PHỦ"). */
function authorityLine(header: readonly Line[], typeLine: TypeLine | null): string | null {
  if (!typeLine) return null;
  for (let i = typeLine.index + 1; i < header.length; i++) {
    const t = header[i]?.text ?? '';
    if (t && isUpperLine(t) && BODY_WORDS.test(`${t} `)) return properCase(t);
  }
  return null;
}

const OPENING_SUBJECT =
  /(?<body>(?:Ban Thường vụ|Ban Chấp hành|Ban Bí thư|Bộ Chính trị|Thường trực|Ủy ban nhân dân|Hội đồng nhân dân|UBND|HĐND|Thủ tướng Chính phủ|Chính phủ|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)(?:[^\S\n]\p{L}+){0,6}?)[^\S\n]+(?:đã[^\S\n]+)?(?:thảo luận|thống nhất|kết luận|xây dựng [Kk]ế hoạch|ban hành|quyết nghị|chỉ thị|yêu cầu)/gu;

/** The body that concludes in the opening paragraph ("..., Ban Thường vụ Tỉnh ủy kết luận như sau:"). */
function openingSubject(lines: readonly Line[], from: number): string | null {
  for (let i = from; i < Math.min(lines.length, from + 6); i++) {
    const t = lines[i]?.text ?? '';
    if (t.length < 40) continue;
    const paragraph = t.slice(0, 3000);
    let last: string | null = null;
    const re = new RegExp(OPENING_SUBJECT.source, OPENING_SUBJECT.flags);
    for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) last = m.groups?.body ?? null;
    if (last) return last.replace(/[^\S\n]+(?:khóa|khoá)[^\S\n]+\S+$/u, '');
    return null;
  }
  return null;
}

const W_START = '(?<!\\p{L})';
const W_END = '(?!\\p{L})';
const phrase = (words: string) => new RegExp(`${W_START}${words}${W_END}`, 'gu');
const PROPER_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [phrase('ban thường vụ'), 'Ban Thường vụ'],
  [phrase('ban chấp hành'), 'Ban Chấp hành'],
  [phrase('ban bí thư'), 'Ban Bí thư'],
  [phrase('bộ chính trị'), 'Bộ Chính trị'],
  [phrase('thủ tướng chính phủ'), 'Thủ tướng Chính phủ'],
  [phrase('chính phủ'), 'Chính phủ'],
  [phrase('trung ương'), 'Trung ương'],
  [phrase('quốc hội'), 'Quốc hội'],
  [phrase('mặt trận tổ quốc việt nam'), 'Mặt trận Tổ quốc Việt Nam'],
  [phrase('đảng bộ'), 'Đảng bộ'],
  [phrase('đảng ủy'), 'Đảng ủy'],
  [phrase('(tỉnh|thành|huyện|quận|thị) ủy'), '$1 ủy'],
];
const ACRONYMS = new Set(['MTTQ', 'MTTQVN', 'TW', 'VN', 'TP.']);
const EXPANSIONS: Readonly<Record<string, string>> = { UBND: 'ủy ban nhân dân', HĐND: 'hội đồng nhân dân' };
const titleCase = (s: string) =>
  s.replace(/(^|\s)(\p{L})/gu, (_x, a: string, b: string) => a + b.toUpperCase());

/** "HỘI ĐỒNG NHÂN DÂN TỈNH HƯNG YÊN" → "Hội đồng nhân dân tỉnh Hưng Yên". */
export function properCase(upper: string): string {
  const words = upper.trim().split(/\s+/u);
  let s = words
    .map((w) => EXPANSIONS[w] ?? (ACRONYMS.has(w) ? w : w.toLowerCase()))
    .join(' ')
    .replace(/uỷ/gu, 'ủy');
  for (const [re, to] of PROPER_PHRASES) s = s.replace(re, to);
  // party committees are proper nouns, and so is the place they belong to: "Tỉnh ủy Hưng Yên"
  s = s.replace(
    /(^|\s)(tỉnh|thành|huyện|quận|thị) ủy((?:\s\p{L}+)*)$/u,
    (_m, sp: string, w: string, rest: string) => `${sp}${capitalise(w)} ủy${titleCase(rest)}`,
  );
  // a place after its level word is a name: "tỉnh hưng yên" → "tỉnh Hưng Yên"
  s = s.replace(
    /(^|\s)(tỉnh|thành phố|tp\.|huyện|quận|thị xã|xã|phường|thị trấn)((?:\s(?!ủy(?!\p{L}))\p{L}+)+)$/u,
    (_m, sp: string, level: string, name: string) => `${sp}${level}${titleCase(name)}`,
  );
  // a ministry or office's own name: "bộ tài chính" → "Bộ Tài chính"
  s = s.replace(
    /^(bộ|sở|cục|vụ|văn phòng) (\p{L})/u,
    (_m, w: string, c: string) => `${capitalise(w)} ${c.toUpperCase()}`,
  );
  return capitalise(s);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Ban Thường vụ Tỉnh ủy" + "Hưng Yên" → "Ban Thường vụ Tỉnh ủy Hưng Yên" (only when no place is named). */
function withProvince(issuer: string, province: string | null): string {
  if (!province || issuer.includes(province)) return issuer;
  return /(?:Tỉnh ủy|(?<!\p{L})tỉnh)$/u.test(issuer) ? `${issuer} ${province}` : issuer;
}

const PLACE_NAME = '\\p{Lu}\\p{Ll}*(?:[^\\S\\n]\\p{Lu}\\p{Ll}*){1,3}';

/** The province a document is about: from the header's "TỈNH X", its place line, else the body's most frequent "tỉnh X". */
function findProvince(header: readonly Line[], place: string | null, text: string): string | null {
  for (const line of header) {
    const m = /^(?:TỈNH (?:ỦY|UỶ)|.*(?<!\p{L})TỈNH)\s+(\p{Lu}+(?:\s\p{Lu}+){0,3})$/u.exec(line.text);
    if (m?.[1] && isUpperLine(line.text) && !/^(?:ỦY|UỶ)(?!\p{L})/u.test(m[1])) {
      return titleCase(m[1].toLowerCase());
    }
  }
  const counts = new Map<string, number>();
  const re = new RegExp(`(?:tỉnh|Tỉnh ủy|Thành ủy|thành phố)[^\\S\\n](${PLACE_NAME})`, 'gu');
  const sample = text.slice(0, 200_000);
  for (let m = re.exec(sample); m; m = re.exec(sample)) {
    const name = m[1] ?? '';
    if (/^(?:Khóa|Khoá|Ủy|Đảng)(?!\p{L})/u.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best ?? (place && !/^(?:TP\.|Hà Nội)/u.test(place) ? place : null);
}

// ---------------------------------------------------------------- signature

// "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. BỘ TRƯỞNG", "TUQ. GIÁM ĐỐC"
const SIGN_FOR =
  /^(?:T\/M|TM|T\.M|KT|K\/T|TL|T\/L|TUQ|Q|THAY MẶT|KÝ THAY|THỪA LỆNH|THỪA ỦY QUYỀN)\.?\s+(?<body>\S.*)$/u;
const POSITION =
  /^(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|TỔNG BÍ THƯ|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CHỦ NHIỆM|CỤC TRƯỞNG|VỤ TRƯỞNG|TỔNG CỤC TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH ÁN|TỔNG KIỂM TOÁN|THỐNG ĐỐC|TỔNG GIÁM ĐỐC|HIỆU TRƯỞNG|CHÁNH THANH TRA)(?!\p{L})/u;
const SIGNED_NOTE =
  /^[([]?\s*(?:đã ký|ký|ký tên|ký, đóng dấu|ký tên, đóng dấu|đã ký và đóng dấu|signed|chữ ký)[^)\]]*[)\]]?\.?$/iu;
const NAME_MIXED = /^\p{Lu}\p{Ll}*(?:[^\S\n]\p{Lu}\p{Ll}*){1,4}$/u;
const NAME_UPPER = /^\p{Lu}+(?:[^\S\n]\p{Lu}+){1,4}$/u;
// Words that open lines of the block but never a name, and words no name contains.
const NOT_FIRST_NAME_WORDS = new Set(
  'Nơi Như Lưu Đã Ký Chủ Phó Bí Ban Ủy Uỷ Sở Bộ Các Thường Tỉnh Thành Huyện Đảng Kính Trân Xin Tổng Trưởng Cục Vụ Phòng Trung Quốc Chính Ngày Nghị Kết Kế Quyết Thông Báo Hội Văn'.split(
    ' ',
  ),
);
const NOT_NAME_WORDS = new Set(['Nhận', 'Đã', 'Ký', 'Trên', 'Dấu']);
const SURNAMES = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Đinh Lương Trịnh Mai Trương Hà Tạ Lâm Phùng Cao Chu Châu Tô Tống Thái Quách Lưu Kiều Vương Văn Triệu Hứa Lại Mạc Lục Nông Âu Khổng Thân La Giang Từ Tăng Diệp Kim Thạch Y'.split(
    ' ',
  ),
);

interface Signature {
  readonly name: string | null;
  /** The body signed for ("BAN THƯỜNG VỤ" in "T/M BAN THƯỜNG VỤ"), null when the block names none. */
  readonly authority: string | null;
}

/** The signature block at the end of the body: the body signed for and the signer's name. */
function findSignature(body: readonly Line[]): Signature | null {
  const from = Math.max(0, body.length - 80);
  let titleIndex = -1;
  let authority: string | null = null;
  for (let i = body.length - 1; i >= from; i--) {
    const t = body[i]?.text ?? '';
    if (t.length > 200) break;
    if (isSignatureTitle(t)) {
      titleIndex = i;
      // keep looking up for the "TM." line that opens this block
      for (let j = i; j >= Math.max(from, i - 3); j--) {
        const m = SIGN_FOR.exec(body[j]?.text ?? '');
        const signedFor = m?.groups?.body?.replace(/\s+(?:KT|TL|TUQ|T\/L)\.?\s.*$/u, '');
        if (signedFor && !/^(?:KT|K\/T)/u.test(body[j]?.text ?? '') && !POSITION.test(signedFor))
          authority = signedFor;
      }
      break;
    }
  }
  if (titleIndex >= 0) {
    const inline = nameAfterTitle(body[titleIndex]?.text ?? '');
    if (inline) return { name: inline, authority };
    for (let i = titleIndex + 1; i < body.length; i++) {
      const t = body[i]?.text ?? '';
      if (
        t === '' ||
        SIGNED_NOTE.test(t) ||
        /^[-+•*]/u.test(t) ||
        isSignatureTitle(t) ||
        /^Nơi nhận/iu.test(t)
      )
        continue;
      const name = asName(t, false);
      if (name) return { name, authority };
    }
  }
  // no signature title: the last line of the body shaped like a person's name
  for (let i = body.length - 1; i >= Math.max(0, body.length - 15); i--) {
    const t = body[i]?.text ?? '';
    if (t.length > 60 || /^[-+•*]/u.test(t)) continue;
    const name = asName(t, true);
    if (name) return { name, authority };
  }
  return authority ? { name: null, authority } : null;
}

function isSignatureTitle(t: string): boolean {
  if (t.length > 120 || !/\p{Lu}{2}/u.test(t)) return false;
  const head = t.replace(/\s+\p{Lu}\p{Ll}.*$/u, '');
  return (SIGN_FOR.test(head) && isUpperLine(head)) || (POSITION.test(head) && isUpperLine(head));
}

/** "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A" (a flattened block): the name after the capitals. */
function nameAfterTitle(t: string): string | null {
  const m =
    /^(?:[\p{Lu}\d./]+\s+)+(?:[([][^)\]]*[)\]]\s+)?(?<name>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4})$/u.exec(t);
  return m?.groups?.name ? asName(m.groups.name, false) : null;
}

/** A Vietnamese personal name (2–5 capitalised syllables), in proper case; null otherwise. */
function asName(raw: string, needSurname: boolean): string | null {
  const t = raw
    .replace(/\s*[([][^)\]]{0,40}[)\]]\s*$/u, '')
    .replace(/[.,;]+$/u, '')
    .trim();
  let name: string | null = null;
  if (NAME_MIXED.test(t)) name = t;
  else if (NAME_UPPER.test(t) && !POSITION.test(t) && !SIGN_FOR.test(t)) {
    name = titleCase(t.toLowerCase());
  }
  if (!name) return null;
  const words = name.split(/\s+/u);
  const first = words[0] ?? '';
  if (words.some((w) => NOT_NAME_WORDS.has(w))) return null;
  if (needSurname) return SURNAMES.has(first) && words.length >= 3 ? name : null;
  return NOT_FIRST_NAME_WORDS.has(first) && !SURNAMES.has(first) ? null : name;
}
