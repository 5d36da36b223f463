import iconv from 'iconv-lite';

/** Bytes of a text file → NFC text with LF line ends, or the reason it is not readable text. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: 'binary' | 'legacy-vietnamese' };

/** Letters only Unicode Vietnamese has (beyond Latin-1): ă đ ĩ ũ ơ ư and the dotted/hooked vowels. */
const UNICODE_VIETNAMESE = /[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]/u;

/**
 * Latin-1 characters Vietnamese never uses. Text typed in the legacy 8-bit fonts (TCVN3/ABC
 * ".VnTime", VNI "VNI-Times") is full of them when read as Unicode: "Céng hßa x· héi chñ
 * nghÜa", "Uûy ban nhaân daân".
 */
const LEGACY_MARK = /[ßñÜÖäåæçëîïöøûüþ·¸µ¶¹¨»¾¼½«¬©®ªÆÇËÎÏÐÑØÞ×¡¢£¤¥¦§°±²³´]/u;

function looksLegacyVietnamese(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const legacy = words.filter((w) => LEGACY_MARK.test(w)).length;
  const unicode = words.filter((w) => UNICODE_VIETNAMESE.test(w)).length;
  return legacy / words.length > 0.08 && unicode / words.length < 0.05;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls / text.length;
}

function finish(text: string, encoding: string): Decoded {
  const clean = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC');
  if (controlShare(clean) > 0.01) return { ok: false, reason: 'binary' };
  if (looksLegacyVietnamese(clean)) return { ok: false, reason: 'legacy-vietnamese' };
  return { ok: true, text: clean, encoding };
}

/** UTF-16 without a BOM: one byte of most pairs is zero (ASCII-heavy text). */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'UTF-16BE');
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return finish(iconv.decode(Buffer.from(bytes), utf16), utf16.toUpperCase());
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'UTF-8');
  } catch {
    // Not UTF-8. Legacy-font text is judged on its raw bytes (Latin-1), where its marks show.
    if (looksLegacyVietnamese(iconv.decode(Buffer.from(bytes), 'latin1')))
      return { ok: false, reason: 'legacy-vietnamese' };
    // Windows-1258 is the 8-bit code page Vietnamese Windows saves text in.
    return finish(iconv.decode(Buffer.from(bytes), 'windows-1258'), 'Windows-1258');
  }
}
