import { execFile } from 'node:child_process';
import type { ReadError } from './types.js';

export type PdfRead =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ReadError };

export interface PdfOptions {
  readonly pdftotextPath: string;
  readonly timeoutMs: number;
}

/**
 * A text-layer PDF → its text, read by poppler's `pdftotext`. pdfjs-based readers scramble
 * Vietnamese diacritics when a PDF's fonts fell back (LibreOffice output does this); poppler
 * reads them exactly. Reading order, not page layout: `-layout` would pad columns with spaces.
 */
export function readPdf(bytes: Uint8Array, name: string, options: PdfOptions): Promise<PdfRead> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      options.pdftotextPath,
      ['-enc', 'UTF-8', '-q', '-', '-'],
      { timeout: options.timeoutMs, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT') {
            resolvePromise(
              fail(
                'missing-system-tool',
                `${name}: cần chương trình pdftotext để đọc PDF. Cài bằng: apt-get install poppler-utils. (Reading PDFs needs pdftotext: apt-get install poppler-utils.)`,
              ),
            );
          } else if ((error as { killed?: boolean }).killed) {
            resolvePromise(
              fail(
                'pdf-unreadable',
                `${name}: đọc PDF quá ${options.timeoutMs / 1000} giây và đã dừng. (Reading the PDF timed out.)`,
              ),
            );
          } else {
            const gist = stderr.trim().split('\n')[0] || error.message;
            resolvePromise(
              fail(
                'pdf-unreadable',
                `${name}: tệp PDF bị hỏng hoặc có mật khẩu (${gist}). Hãy xuất lại PDF hoặc gửi tệp .docx. (The PDF is damaged or encrypted.)`,
              ),
            );
          }
          return;
        }
        const text = stdout.replace(/\f/g, '\n\n').replace(/\r\n?/g, '\n').normalize('NFC');
        if (!/\p{L}/u.test(text)) {
          resolvePromise(
            fail(
              'pdf-no-text-layer',
              `${name}: tệp PDF không có lớp chữ (có thể là bản quét). Hãy dùng bản PDF có chữ hoặc tệp .docx; nhận dạng chữ (OCR) chưa được hỗ trợ. (The PDF has no text layer; OCR is not supported yet.)`,
            ),
          );
          return;
        }
        resolvePromise({ ok: true, text });
      },
    );
    // pdftotext may stop reading early (a damaged file); that is reported through its exit code.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(bytes);
  });
}

function fail(code: ReadError['code'], message: string): PdfRead {
  return { ok: false, error: { code, message } };
}
