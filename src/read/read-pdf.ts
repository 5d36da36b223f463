import { execFile, type ExecFileException } from 'node:child_process';
import { legacyVietnameseFont } from './looks-vietnamese.js';
import { pdfLayoutToText } from './pdf-layout-to-text.js';
import { readErrors, type ReadFailure } from './read-errors.js';
import { tidyText } from './tidy-text.js';

export type PdfRead =
  { readonly ok: true; readonly text: string; readonly notes: readonly string[] } | ReadFailure;

export interface PdfOptions {
  readonly pdftotextPath: string;
  readonly timeoutMs: number;
}

/** pdftotext's word-box output is ~20 times the text; this allows ~12 MB of text. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** A page of a real document holds hundreds of letters; a scan with a stamp ("Scanned with …") a few. */
const MIN_LETTERS_PER_TEXT_PAGE = 50;

function explainFailure(
  error: ExecFileException,
  stderr: string,
  file: string,
  options: PdfOptions,
): PdfRead {
  const code = error.code;
  if (code === 'ENOENT' || code === 'EACCES')
    return readErrors.missingPdftotext(file, options.pdftotextPath, code);
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return readErrors.pdfTextTooLong(file, MAX_OUTPUT_BYTES / 20);
  if (error.killed) return readErrors.pdfTimedOut(file, options.timeoutMs);
  if (/^Usage:/m.test(stderr)) {
    return readErrors.missingPdftotext(file, options.pdftotextPath, 'too old: it lacks -bbox-layout');
  }
  if (/password/i.test(stderr)) return readErrors.pdfEncrypted(file);
  if (code === 3 || /^Permission Error/m.test(stderr)) return readErrors.pdfCopyForbidden(file);
  const lines = stderr.split('\n').map((l) => l.trim());
  const gist =
    lines.find((l) => /error/i.test(l)) ?? lines.find((l) => l !== '') ?? `exit code ${String(code)}`;
  return readErrors.pdfDamaged(file, gist.slice(0, 200));
}

/** Share of visible characters that are private-use or undecodable: glyphs with no Unicode. */
function unmappedShare(text: string): number {
  let visible = 0;
  let unmapped = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) continue;
    visible++;
    if (c < 0x20 || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) unmapped++;
  }
  return visible === 0 ? 0 : unmapped / visible;
}

const countLetters = (text: string): number => text.replace(/\P{L}+/gu, '').length;

function judgeText(xhtml: string, file: string): PdfRead {
  const pages = pdfLayoutToText(xhtml).map(tidyText);
  const textless = pages.flatMap((page, i) =>
    countLetters(page) < MIN_LETTERS_PER_TEXT_PAGE ? [i + 1] : [],
  );
  if (textless.length === pages.length) return readErrors.pdfNoTextLayer(file);
  const text = pages.filter((page) => page !== '').join('\n\n');
  if (unmappedShare(text) > 0.3) return readErrors.pdfNotUnicode(file);
  const legacy = legacyVietnameseFont(text);
  if (legacy) return readErrors.legacyFont(file, legacy.font);
  const notes = textless.length ? [textlessPagesNote(file, textless)] : [];
  return { ok: true, text, notes };
}

/** Pages that are probably scans inside an otherwise typed PDF: their content is missing. */
function textlessPagesNote(file: string, pages: readonly number[]): string {
  const list = pages.slice(0, 10).join(', ') + (pages.length > 10 ? ', …' : '');
  return `${file}: trang ${list} gần như không có chữ (có thể là ảnh quét); nội dung của chúng không được đọc (page(s) ${list} have almost no text, perhaps scans: their content is missing)`;
}

/**
 * A PDF's text layer, read by poppler's `pdftotext` from stdin (no temporary file, and a
 * name starting with "-" cannot pass for an option). Not pdfjs: it scrambles Vietnamese
 * diacritics when a PDF's fonts fell back, as LibreOffice's do; poppler reads them exactly.
 */
export function readPdf(bytes: Uint8Array, file: string, options: PdfOptions): Promise<PdfRead> {
  return new Promise((resolve) => {
    const child = execFile(
      options.pdftotextPath,
      ['-enc', 'UTF-8', '-bbox-layout', '-', '-'],
      { timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true },
      (error, stdout, stderr) => {
        resolve(error ? explainFailure(error, stderr, file, options) : judgeText(stdout, file));
      },
    );
    // pdftotext may stop reading a damaged file early; its exit code reports that, not EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(bytes);
  });
}
