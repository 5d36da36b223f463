import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText } from './decode-text.js';
import { readDocx } from './read-docx.js';
import { readErrors } from './read-errors.js';
import { readPdf } from './read-pdf.js';
import { sniffFormat } from './sniff-format.js';
import type { DocumentFormat, ReadResult } from './types.js';

export interface ReadOptions {
  /** Files larger than this are refused before reading. Default 50 MiB. */
  readonly maxBytes?: number;
  /** A .docx may declare at most this many uncompressed bytes in all. Default 200 MiB. */
  readonly maxUncompressedBytes?: number;
  /** The pdftotext program (poppler-utils). Default `pdftotext` on the PATH. */
  readonly pdftotextPath?: string;
  /** How long pdftotext may run. Default 60 s. */
  readonly timeoutMs?: number;
}

const MiB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 50 * MiB;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * MiB;
/** A part that large inflating more than 200 times is a bomb, not a document. */
const MAX_RATIO = 200;
const RATIO_APPLIES_ABOVE = 10 * MiB;
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Reads a file from disk into exact text (NFC, LF line ends); never throws for a bad file.
 *
 * @example
 * const read = await readDocument('nghi-quyet.docx');
 * if (read.ok) extract(read.text); else console.error(read.error.message);
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return readErrors.notAFile(path, info.isDirectory());
    size = info.size;
  } catch (error) {
    return explainOpenError(path, error);
  }
  if (size > maxBytes) return readErrors.tooLarge(basename(path), size, maxBytes);
  let bytes: Uint8Array;
  try {
    bytes = await readAtMost(path, maxBytes + 1);
  } catch (error) {
    return explainOpenError(path, error);
  }
  // The file may have grown since stat.
  if (bytes.length > maxBytes) return readErrors.tooLarge(basename(path), null, maxBytes);
  return readBytes(bytes, basename(path), options);
}

function explainOpenError(path: string, error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return readErrors.notFound(path);
  if (code === 'EISDIR') return readErrors.notAFile(path, true);
  return readErrors.cannotOpen(path, code ?? (error as Error).message);
}

async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(limit, (await handle.stat()).size + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** What an extension says a file is; unknown extensions say nothing. */
const EXTENSION_SAYS: Readonly<Record<string, DocumentFormat | 'doc'>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

const isText = (format: DocumentFormat | 'doc'): boolean => format === 'txt' || format === 'md';

/**
 * Reads an uploaded file's bytes into exact text; `fileName` gives the extension and names
 * the file in messages. What the bytes are decides how they are read, not the extension.
 */
export async function readBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return readErrors.tooLarge(fileName, bytes.length, maxBytes);
  const extension = extname(fileName).toLowerCase();
  const said = EXTENSION_SAYS[extension];
  const notes: string[] = [];
  const readAs = (format: DocumentFormat): void => {
    if (said === undefined || said === format || (isText(said) && isText(format))) return;
    notes.push(
      `${fileName}: đã đọc như tệp ${format.toUpperCase()} dù tên tệp có đuôi ${extension} (read as ${format.toUpperCase()}; the file extension said ${extension})`,
    );
  };
  switch (sniffFormat(bytes)) {
    case 'pdf': {
      readAs('pdf');
      const pdf = await readPdf(bytes, fileName, {
        pdftotextPath: options.pdftotextPath ?? 'pdftotext',
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      return pdf.ok ? { ok: true, text: pdf.text, format: 'pdf', notes: [...notes, ...pdf.notes] } : pdf;
    }
    case 'zip': {
      const docx = await readDocx(bytes, fileName, extension === '.docx', {
        maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
        maxRatio: MAX_RATIO,
        ratioAppliesAbove: RATIO_APPLIES_ABOVE,
      });
      if (!docx.ok) return docx;
      readAs('docx');
      return { ok: true, text: docx.text, format: 'docx', notes };
    }
    case 'ole':
      return readErrors.legacyWord(fileName);
    case 'rtf':
      return readErrors.rtf(fileName);
    case 'image':
      return readErrors.image(fileName);
    case 'archive':
      return readErrors.archive(fileName);
    case 'text': {
      const claimed = said === undefined || isText(said) ? null : said;
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        if (decoded.reason === 'binary') return readErrors.binary(fileName, claimed);
        if (decoded.reason === 'legacy-font') return readErrors.legacyFont(fileName, decoded.font);
        return readErrors.unknownEncoding(fileName);
      }
      const format: DocumentFormat = said === 'md' ? 'md' : 'txt';
      readAs(format);
      if (decoded.encoding !== 'UTF-8') {
        notes.push(`${fileName}: đã đọc theo bảng mã ${decoded.encoding} (decoded from ${decoded.encoding})`);
      }
      if (decoded.note) notes.push(`${fileName}: ${decoded.note}`);
      return { ok: true, text: decoded.text, format, notes };
    }
  }
}
