/**
 * Checks a zip archive's central directory before anything inflates it, so a "zip bomb" (a
 * small .docx that inflates to gigabytes) is refused up front instead of exhausting memory.
 */

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

export type ZipListing =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

export function listZip(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    return { ok: false, reason: 'no end-of-central-directory record (the file is cut short or not a zip)' };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) {
    return { ok: false, reason: 'a ZIP64 archive, which no Word document needs' };
  }
  if (offset + size > bytes.length)
    return { ok: false, reason: 'the central directory points past the end of the file' };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return { ok: false, reason: `central directory entry ${n + 1} is damaged` };
    }
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK) {
      return { ok: false, reason: 'an entry over 4 GiB (ZIP64), which no Word document needs' };
    }
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

export interface InflateLimits {
  /** Total uncompressed bytes allowed. */
  readonly maxUncompressedBytes: number;
  /** Compression ratio allowed for entries bigger than 1 MiB uncompressed. */
  readonly maxRatio: number;
}

/** The reason the archive would inflate beyond the limits, or null when it is safe. */
export function exceedsLimits(entries: readonly ZipEntry[], limits: InflateLimits): string | null {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      return `"${entry.name}" would inflate ${Math.round(ratio)} times (${entry.uncompressedSize} bytes)`;
    }
  }
  if (total > limits.maxUncompressedBytes) return `its parts would inflate to ${total} bytes`;
  return null;
}
