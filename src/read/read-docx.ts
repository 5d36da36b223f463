import mammoth from 'mammoth';
import { legacyVietnameseFont } from './looks-vietnamese.js';
import { readErrors, type OtherZip, type ReadFailure } from './read-errors.js';
import { tidyText } from './tidy-text.js';
import { checkInflation, exceedsLimits, listZip, type InflateLimits, type ZipEntry } from './zip-guard.js';

export type DocxRead = { readonly ok: true; readonly text: string } | ReadFailure;

/**
 * What a zip holds. Mammoth finds the main part through `_rels/.rels` and falls back to
 * `word/document.xml`, so either makes a Word document.
 */
function classifyZip(entries: readonly ZipEntry[]): 'docx' | OtherZip {
  const names = new Set(entries.map((e) => e.name));
  const under = (folder: string) => entries.some((e) => e.name.startsWith(folder));
  if (names.has('word/document.xml') || (names.has('_rels/.rels') && under('word/'))) return 'docx';
  if (under('xl/')) return 'xlsx';
  if (under('ppt/')) return 'pptx';
  if (names.has('mimetype') && names.has('content.xml')) return 'odt';
  return 'zip';
}

/**
 * A Word .docx → its text, paragraphs separated by blank lines, once the archive is known not
 * to inflate past the limits. `claimedDocx` says the file's name ends in .docx, which makes a
 * zip without a Word document in it a damaged .docx rather than some other zip.
 */
export async function readDocx(
  bytes: Uint8Array,
  file: string,
  claimedDocx: boolean,
  limits: InflateLimits,
): Promise<DocxRead> {
  const listing = listZip(bytes);
  if (!listing.ok) {
    return listing.bomb
      ? readErrors.docxTooLarge(file, listing.reason)
      : readErrors.corruptDocx(file, listing.reason);
  }
  const kind = classifyZip(listing.entries);
  if (kind === 'zip' && claimedDocx) return readErrors.corruptDocx(file, 'it has no word/document.xml');
  if (kind !== 'docx') return readErrors.otherZip(file, kind);
  const excess = exceedsLimits(listing.entries, limits);
  if (excess) return readErrors.docxTooLarge(file, excess);
  const inflation = checkInflation(bytes, listing.entries);
  if (!inflation.ok) {
    return inflation.bomb
      ? readErrors.docxTooLarge(file, inflation.reason)
      : readErrors.corruptDocx(file, inflation.reason);
  }
  let raw: string;
  try {
    raw = (
      await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    ).value;
  } catch (error) {
    return readErrors.corruptDocx(file, (error as Error).message);
  }
  const text = tidyText(raw);
  const legacy = legacyVietnameseFont(text);
  if (legacy) return readErrors.legacyFont(file, legacy.font);
  return { ok: true, text };
}
