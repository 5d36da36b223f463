import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { decodeText } from './decode-text.js';
import { readDocx } from './read-docx.js';
import { readPdf } from './read-pdf.js';
import { sniffFormat } from './sniff-format.js';
import type { DocumentFormat, ReadError, ReadResult } from './types.js';

export interface ReadOptions {
  /** Files larger than this are refused before reading. Default 50 MiB. */
  readonly maxBytes?: number;
  /** A .docx may inflate to at most this many bytes. Default 200 MiB. */
  readonly maxUncompressedBytes?: number;
  readonly pdftotextPath?: string;
  readonly timeoutMs?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

const MiB = 1024 * 1024;

function fail(code: ReadError['code'], message: string): ReadResult {
  return { ok: false, error: { code, message } };
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(1).replace('.', ',')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads a file from disk into exact text; never throws for a bad file. */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const name = basename(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail('not-found', `${path}: không tìm thấy tệp. Hãy kiểm tra đường dẫn. (No such file.)`);
    }
    return fail(
      'not-found',
      `${path}: không mở được tệp (${code ?? (error as Error).message}). (Cannot open the file.)`,
    );
  }
  if (!info.isFile())
    return fail(
      'not-a-file',
      `${path}: đây là thư mục, không phải tệp. Hãy chỉ ra từng tệp văn bản. (This is a folder, not a file.)`,
    );
  if (info.size > maxBytes) {
    return fail(
      'too-large',
      `${path}: tệp quá lớn (${sizeText(info.size)}; tối đa ${sizeText(maxBytes)}). (The file is over the size limit.)`,
    );
  }
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      // Read at most maxBytes + 1 so a file that grew after stat is still caught.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxBytes)
        return fail(
          'too-large',
          `${path}: tệp quá lớn (tối đa ${sizeText(maxBytes)}). (The file is over the size limit.)`,
        );
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(
      'not-found',
      `${path}: không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). (Cannot read the file.)`,
    );
  }
  return readBytes(bytes, name, options);
}

const EXTENSION_FORMAT: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** Reads an uploaded file's bytes into exact text; `name` gives the extension and the messages. */
export async function readBytes(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return fail(
      'too-large',
      `${name}: tệp quá lớn (${sizeText(bytes.length)}; tối đa ${sizeText(maxBytes)}). (The file is over the size limit.)`,
    );
  }
  const claimed = EXTENSION_FORMAT[extname(name).toLowerCase()];
  const sniffed = sniffFormat(bytes.subarray(0, 16));
  const notes: string[] = [];
  const noteIfRenamed = (actual: DocumentFormat): void => {
    if (claimed && claimed !== actual && !(claimed === 'md' && actual === 'txt')) {
      notes.push(`${name}: read as ${actual.toUpperCase()} (its extension said .${claimed})`);
    }
  };
  switch (sniffed) {
    case 'pdf': {
      noteIfRenamed('pdf');
      const pdf = await readPdf(bytes, name, {
        pdftotextPath: options.pdftotextPath ?? 'pdftotext',
        timeoutMs: options.timeoutMs ?? 60_000,
      });
      return pdf.ok ? { ok: true, text: pdf.text, format: 'pdf', notes } : pdf;
    }
    case 'zip': {
      noteIfRenamed('docx');
      const docx = await readDocx(bytes, name, {
        maxUncompressedBytes: options.maxUncompressedBytes ?? 200 * MiB,
        maxRatio: 200,
      });
      return docx.ok ? { ok: true, text: docx.text, format: 'docx', notes } : docx;
    }
    case 'ole':
      return fail(
        'unsupported-format',
        `${name}: đây là tệp Word cũ (.doc) hoặc Excel (.xls). Hãy mở bằng Word/LibreOffice và lưu thành .docx. (Legacy .doc: save it as .docx.)`,
      );
    case 'rtf':
      return fail(
        'unsupported-format',
        `${name}: tệp RTF chưa được hỗ trợ. Hãy lưu thành .docx. (RTF is not supported: save as .docx.)`,
      );
    case 'text': {
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        return decoded.reason === 'binary'
          ? fail(
              'binary-content',
              `${name}: tệp không phải văn bản (có dữ liệu nhị phân). Rõ đọc .txt, .md, .docx và .pdf có lớp chữ. (Not a text document.)`,
            )
          : fail(
              'unsupported-encoding',
              `${name}: văn bản dùng bảng mã cũ (TCVN3/ABC hoặc VNI), không phải Unicode. Hãy chuyển sang Unicode, ví dụ bằng công cụ "Chuyển mã" của UniKey, rồi thử lại. (Legacy TCVN3/VNI encoding: convert to Unicode first.)`,
            );
      }
      if (decoded.encoding !== 'UTF-8') notes.push(`${name}: decoded from ${decoded.encoding}`);
      noteIfRenamed(claimed === 'md' ? 'md' : 'txt');
      return { ok: true, text: decoded.text, format: claimed === 'md' ? 'md' : 'txt', notes };
    }
  }
}
