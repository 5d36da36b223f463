/**
 * Normalisation pass: repairs the damage real files carry so later passes read clean
 * paragraphs. Every span of the result points into the text this returns.
 *
 * - NFC, LF line ends, no BOM, no-break and odd spaces as plain spaces, no control chars;
 * - markdown emphasis and HTML tags removed (`**KẾT LUẬN**`, `<sup>..</sup>`);
 * - LaTeX fragments read as text (`$\geq 50\%$` → `≥ 50%`);
 * - footnote marks (¹ ²) dropped, footnote paragraphs moved after the body so the
 *   sentence they interrupted joins up again;
 * - paragraphs broken by a page break ("tài\n\nnguyên") and hard-wrapped lines joined.
 */
export function normaliseText(input: string): string {
  let t = input.normalize('NFC').replace(/^\uFEFF/, '');
  t = t.replace(/\r\n?/g, '\n').replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000\t]/g, ' ');
  // zero-width and control characters other than newline
  t = t.replace(
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    /[\u0000-\u0009\u000B-\u001F\u007F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\uFEFF]/g,
    '',
  );
  t = t.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  t = readLatex(t);
  t = t.replace(/<sup>[^<\n]{0,40}<\/sup>/gi, '');
  t = t.replace(/<\/?[a-zA-Z][^<>\n]{0,80}>/g, (tag) => (/^<\/?(br|p|div)\b/i.test(tag) ? '\n' : ''));
  t = removeEmphasis(t);
  t = t.replace(/\^\{[^}\n]{0,40}\}/g, '');
  const lines = t
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .map((l) => (/^[-_=*~.]{3,}$/.test(l) ? '' : l));
  const { body, footnotes } = splitFootnotes(lines);
  const paragraphs = joinBrokenLines(body);
  const out = paragraphs.join('\n').replace(/\n{3,}/g, '\n\n');
  return footnotes.length
    ? `${out.trim()}\n\n${footnotes.join('\n')}\n`
    : `${out.trim()}\n`.replace(/^\n$/, '');
}

const LATEX_SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/\\geq?\b|\\geqslant\b/g, '≥'],
  [/\\leq?\b|\\leqslant\b/g, '≤'],
  [/\\times\b/g, '×'],
  [/\\approx\b/g, '≈'],
  [/\\pm\b/g, '±'],
  [/\\%/g, '%'],
  [/\\,|\\;|\\!|\\ /g, ' '],
  [/\\(?:text|mathrm|mathbf|textbf)\{([^{}\n]{0,200})\}/g, '$1'],
];

/** `$\geq 50\%$` → `≥ 50%`; `$...$` math kept as its text. */
function readLatex(t: string): string {
  if (!t.includes('\\') && !t.includes('$')) return t;
  let s = t;
  for (const [re, to] of LATEX_SYMBOLS) s = s.replace(re, to);
  return s.replace(/\$([^$\n]{0,200})\$/g, (_m, inner: string) => inner.replace(/\s+/g, ' ').trim());
}

/** Removes markdown `**`/`*`/`__` emphasis; a `**` glued between two words breaks the line. */
function removeEmphasis(t: string): string {
  return t
    .replace(/\*{4,}/g, '\n')
    .replace(/(\p{L}|\d)\*\*(?=\p{Lu}|\d)/gu, '$1\n')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=$|[\s).,;:])/gmu, '$1');
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const FOOTNOTE_LINE = new RegExp(`^[${SUPERSCRIPT_DIGITS}]+\\s*\\S`);
const FOOTNOTE_MARK = new RegExp(`(?<!\\b(?:k?m|cm|dm|mm|ha))[${SUPERSCRIPT_DIGITS}]+`, 'gu');

/** Footnote paragraphs ("¹ Báo cáo số ...") leave the body; marks in the body are dropped. */
function splitFootnotes(lines: readonly string[]): { body: string[]; footnotes: string[] } {
  const body: string[] = [];
  const footnotes: string[] = [];
  for (const line of lines) {
    if (FOOTNOTE_LINE.test(line)) {
      footnotes.push(line);
      if (body.at(-1) === '') body.pop();
    } else body.push(line.replace(FOOTNOTE_MARK, ''));
  }
  return { body, footnotes };
}

const LIST_START =
  /^(?:[IVXLC]+\s*[.\-–)]\s|\d+(?:\.\d+)*\s*[.\-–)]\s*\S|\(\d+\)|[a-zđ]\)\s|[-–+•●▪*]\s|Điều\s+\d+|Chương\s+[IVXLC\d]+|Mục\s+\d+|Nơi nhận)/u;
const ENDS_SENTENCE = /[.:;!?…)"”»]$/;
const STARTS_LOWER = /^[\p{Ll}]/u;

function isAllCaps(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

/**
 * Joins a paragraph cut by a page break (the next piece starts in lowercase after a
 * blank line) and lines hard-wrapped inside a paragraph (a long line not ending a
 * sentence, followed by one that does not start a list item or a heading).
 */
function joinBrokenLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let blankRun = 0;
  for (const line of lines) {
    if (line === '') {
      blankRun++;
      continue;
    }
    const prevIndex = out.length - 1;
    const prev = prevIndex >= 0 ? (out[prevIndex] ?? '') : '';
    const pageBreakJoin =
      blankRun > 0 &&
      prev !== '' &&
      !ENDS_SENTENCE.test(prev) &&
      STARTS_LOWER.test(line) &&
      !LIST_START.test(line) &&
      !isAllCaps(prev);
    const wrapJoin =
      blankRun === 0 &&
      prev !== '' &&
      prev.length >= 45 &&
      !ENDS_SENTENCE.test(prev) &&
      !LIST_START.test(line) &&
      !isAllCaps(prev) &&
      !isAllCaps(line);
    if (pageBreakJoin || wrapJoin) {
      out[prevIndex] = `${prev} ${line}`;
    } else {
      if (blankRun > 0 && out.length > 0) out.push('');
      out.push(line);
    }
    blankRun = 0;
  }
  return out;
}
