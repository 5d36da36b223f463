import { inflateRawSync } from 'node:zlib';

/**
 * Checks a zip archive (a .docx) before anything inflates it, so a "zip bomb" (a small file
 * that inflates to gigabytes) is refused up front instead of exhausting memory. The central
 * directory's sizes are checked first; then each part is inflated with its declared size as a
 * hard cap, because a hostile archive can declare small sizes and inflate far past them.
 */

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** A failure is a bomb (refuse as too large) or damage (refuse as corrupt). */
export type ZipCheck<T> = T | { readonly ok: false; readonly bomb: boolean; readonly reason: string };

export type ZipListing = ZipCheck<{ readonly ok: true; readonly entries: readonly ZipEntry[] }>;

export interface InflateLimits {
  /** Total uncompressed bytes allowed over all parts. */
  readonly maxUncompressedBytes: number;
  /** Compression ratio allowed for a part bigger than `ratioAppliesAbove` bytes. */
  readonly maxRatio: number;
  readonly ratioAppliesAbove: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MARK32 = 0xffffffff;
/** A Word document has tens of parts, a few thousand with many images. */
const MAX_ENTRIES = 20_000;

function uint64(view: DataView, at: number): number {
  const value = view.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value);
}

interface Directory {
  readonly offset: number;
  readonly size: number;
}

/**
 * Where the central directory is, from the end-of-central-directory record (ZIP64 too). It
 * must end exactly where that record (or the ZIP64 one) begins: JSZip, which mammoth uses,
 * shifts every offset when it does not, so a file with bytes there could show this guard one
 * directory and mammoth another.
 */
function findDirectory(view: DataView): Directory | string {
  const length = view.byteLength;
  let eocd = -1;
  // The record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
  for (let i = length - 22; i >= Math.max(0, length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'no end-of-central-directory record: the file is cut short or not a zip';
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    return 'a zip split over several files';
  }
  let directory: Directory = {
    size: view.getUint32(eocd + 12, true),
    offset: view.getUint32(eocd + 16, true),
  };
  let end = eocd;
  const zip64 =
    view.getUint16(eocd + 10, true) === 0xffff || directory.size === MARK32 || directory.offset === MARK32;
  if (zip64) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) {
      return 'a ZIP64 marker without its ZIP64 record';
    }
    end = uint64(view, locator + 8);
    if (end + 56 > locator || view.getUint32(end, true) !== ZIP64_EOCD) {
      return 'a damaged ZIP64 end-of-central-directory record';
    }
    directory = { size: uint64(view, end + 40), offset: uint64(view, end + 48) };
  }
  if (directory.offset + directory.size !== end) {
    return 'the central directory is not where the archive says (bytes added or missing)';
  }
  return directory;
}

/** 64-bit sizes and offset from an entry's ZIP64 extra field, for those marked 0xFFFFFFFF. */
function readZip64Extra(
  view: DataView,
  start: number,
  end: number,
  sizes: { uncompressed: number; compressed: number; offset: number },
): boolean {
  for (let at = start; at + 4 <= end;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (sizes[key] !== MARK32) continue;
        if (field + 8 > at + 4 + length) return false;
        sizes[key] = uint64(view, field);
        field += 8;
      }
      return true;
    }
    at += 4 + length;
  }
  return false;
}

/**
 * The archive's parts as its central directory lists them, read entry by entry over the
 * directory's whole length as JSZip reads it (not trusting the entry count); inflates nothing.
 */
export function listZip(bytes: Uint8Array): ZipListing {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = findDirectory(view);
  const damaged = (reason: string): ZipListing => ({ ok: false, bomb: false, reason });
  if (typeof directory === 'string') return damaged(directory);
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const end = directory.offset + directory.size;
  for (let at = directory.offset; at < end;) {
    const n = entries.length + 1;
    if (n > MAX_ENTRIES) return { ok: false, bomb: true, reason: `over ${MAX_ENTRIES} parts` };
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) {
      return damaged(`central directory entry ${n} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + 46;
    const extraEnd = nameStart + nameLength + extraLength;
    if (extraEnd + commentLength > end) return damaged(`central directory entry ${n} is cut short`);
    const sizes = {
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    const marked = sizes.compressed === MARK32 || sizes.uncompressed === MARK32 || sizes.offset === MARK32;
    if (marked && !readZip64Extra(view, nameStart + nameLength, extraEnd, sizes)) {
      return damaged(`entry ${n} has a ZIP64 marker without its ZIP64 sizes`);
    }
    entries.push({
      name: names.decode(bytes.subarray(nameStart, nameStart + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    at = extraEnd + commentLength;
  }
  return { ok: true, entries };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Why the parts, as declared, would inflate beyond the limits; null when they would not. */
export function exceedsLimits(entries: readonly ZipEntry[], limits: InflateLimits): string | null {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioAppliesAbove && ratio > limits.maxRatio) {
      return `"${entry.name}" would inflate ${Math.round(ratio)} times, to ${formatBytes(entry.uncompressedSize)}`;
    }
  }
  if (total > limits.maxUncompressedBytes) {
    return `its parts would inflate to ${formatBytes(total)}, over the ${formatBytes(limits.maxUncompressedBytes)} allowed`;
  }
  return null;
}

export type InflateCheck = ZipCheck<{ readonly ok: true }>;

/**
 * Inflates each part with its declared size as a hard cap: a part that would grow past it is a
 * bomb that lied in its directory; one that will not inflate cleanly is damage.
 */
export function checkInflation(bytes: Uint8Array, entries: readonly ZipEntry[]): InflateCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0) continue; // a folder
    const damaged = (why: string): InflateCheck => ({
      ok: false,
      bomb: false,
      reason: `"${entry.name}" ${why}`,
    });
    if (entry.flags & 0x1) return damaged('is encrypted');
    const local = entry.localHeaderOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) {
      return damaged('has no local header where the directory says');
    }
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + entry.compressedSize > bytes.length) return damaged('is cut short');
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return damaged('has inconsistent stored sizes');
      continue;
    }
    if (entry.method !== 8)
      return damaged(`uses compression method ${entry.method}, which Word never writes`);
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          ok: false,
          bomb: true,
          reason: `"${entry.name}" inflates past the ${formatBytes(entry.uncompressedSize)} it declares`,
        };
      }
      return damaged(`will not inflate (${(error as Error).message})`);
    }
    if (inflated.length !== entry.uncompressedSize)
      return damaged('inflates to a different size than declared');
  }
  return { ok: true };
}
