import mammoth from 'mammoth';
import type { ReadError } from './types.js';
import { exceedsLimits, listZip, type InflateLimits } from './zip-guard.js';

export type DocxRead =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: ReadError };

/** A Word .docx → its text, paragraphs separated by blank lines, after the zip-bomb check. */
export async function readDocx(bytes: Uint8Array, name: string, limits: InflateLimits): Promise<DocxRead> {
  const listing = listZip(bytes);
  if (!listing.ok) {
    return fail(
      'corrupt-docx',
      `${name}: tệp .docx bị hỏng (${listing.reason}). Hãy mở và lưu lại bằng Word hoặc LibreOffice. (The .docx is damaged; re-save it.)`,
    );
  }
  if (!listing.entries.some((e) => e.name === 'word/document.xml')) {
    return fail(
      'unsupported-format',
      `${name}: tệp nén này không phải văn bản Word .docx (không có word/document.xml). (This zip is not a Word document.)`,
    );
  }
  const excess = exceedsLimits(listing.entries, limits);
  if (excess) {
    return fail(
      'docx-too-large-uncompressed',
      `${name}: tệp .docx khi giải nén quá lớn (${excess}); Rõ từ chối để bảo vệ máy chủ. Hãy lưu lại văn bản không kèm ảnh, đối tượng nhúng. (The .docx inflates too far and was refused.)`,
    );
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, text: result.value.replace(/\r\n?/g, '\n').normalize('NFC') };
  } catch (error) {
    return fail(
      'corrupt-docx',
      `${name}: không đọc được tệp .docx (${(error as Error).message}). Hãy mở và lưu lại bằng Word hoặc LibreOffice. (Could not read the .docx.)`,
    );
  }
}

function fail(code: ReadError['code'], message: string): DocxRead {
  return { ok: false, error: { code, message } };
}
