import iconv from 'iconv-lite';
import { legacyVietnameseFont, vietnameseScore, type LegacyFont } from './looks-vietnamese.js';
import { tidyText } from './tidy-text.js';

/** A text file's bytes as tidy text, or why they are not readable text. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: string; readonly note?: string }
  | { readonly ok: false; readonly reason: 'binary' }
  | { readonly ok: false; readonly reason: 'legacy-font'; readonly font: LegacyFont['font'] }
  | { readonly ok: false; readonly reason: 'unknown-8-bit' };

/** More than this share of control characters (or undecodable bytes) means binary data. */
const MAX_CONTROL_SHARE = 0.01;

/** Share of C0 control characters (tab, line ends and form feed aside) and undecodable bytes. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0xfffd) controls++;
  }
  return controls / text.length;
}

/** Judges text decoded from a known Unicode encoding. */
function judgeUnicode(raw: string, encoding: string, note?: string): DecodedText {
  if (controlShare(raw) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary' };
  const text = tidyText(raw);
  const legacy = legacyVietnameseFont(text);
  if (legacy) return { ok: false, reason: 'legacy-font', font: legacy.font };
  return { ok: true, text, encoding, ...(note === undefined ? {} : { note }) };
}

/** UTF-16 without a byte-order mark: ASCII-heavy text has a zero in one byte of most pairs. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 64 * 1024) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.02) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.02) return 'utf-16be';
  return null;
}

function countGenuineReplacementChars(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}

/**
 * UTF-8 with a few damaged bytes (a stray Latin-1 byte, a file cut mid-letter) is still
 * UTF-8: its Vietnamese letters are intact multi-byte sequences. Other encodings produce
 * almost none of those, so twenty good letters per bad byte tells them apart.
 */
function readDamagedUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replacements = 0;
  let multiByte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    else if (c >= 0x80) multiByte++;
  }
  const replaced = replacements - countGenuineReplacementChars(bytes);
  if (replaced <= 0 || multiByte < 20 * replaced) return null;
  const line = text.slice(0, text.indexOf('\ufffd')).split(/\r\n?|\n/).length;
  return judgeUnicode(
    text,
    'UTF-8',
    `${replaced} byte không hợp lệ trong UTF-8 đã được thay bằng "�", đầu tiên ở dòng ${line} (${replaced} invalid UTF-8 byte(s) replaced, first on line ${line})`,
  );
}

/**
 * Bytes that are not UTF-8: Windows-1258 (the code page Vietnamese Windows saves text in)
 * if that reads as Vietnamese, a legacy font encoding if one of those reads better, else an
 * 8-bit encoding Rõ will not guess.
 */
function readEightBit(bytes: Uint8Array): DecodedText {
  const latin1 = iconv.decode(Buffer.from(bytes), 'latin1');
  if (controlShare(latin1) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary' };
  // Windows-1258 writes most tones as combining marks; NFC composes them.
  const cp1258 = tidyText(iconv.decode(Buffer.from(bytes), 'windows-1258'));
  const score = vietnameseScore(cp1258);
  const legacy = legacyVietnameseFont(latin1);
  if (legacy && legacy.score > score) return { ok: false, reason: 'legacy-font', font: legacy.font };
  if (score >= 0.3) return { ok: true, text: cp1258, encoding: 'Windows-1258' };
  return { ok: false, reason: 'unknown-8-bit' };
}

/** Decodes a text file: UTF-8 (BOM or not), UTF-16 (BOM or not), or Windows-1258 Vietnamese. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return judgeUnicode(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return judgeUnicode(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'UTF-16BE');
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return judgeUnicode(iconv.decode(Buffer.from(bytes), utf16), utf16.toUpperCase());
  try {
    return judgeUnicode(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'UTF-8');
  } catch {
    return readDamagedUtf8(bytes) ?? readEightBit(bytes);
  }
}
