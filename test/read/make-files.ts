/**
 * Builders for the files the reader tests feed in: legacy-encoded Vietnamese, zips written
 * byte by byte (so hostile ones can lie), and small PDFs written by hand.
 */
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';

/**
 * Windows-1258 has ô, ơ, ư, ă... precomposed but the five tones only as combining marks, so
 * "ố" is saved as "ô" + U+0301, the way Vietnamese Windows writes it.
 */
export function encodeWindows1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const parts = Array.from(text, (ch) => {
    if (iconv.decode(iconv.encode(ch, 'windows-1258'), 'windows-1258') === ch) return ch;
    const decomposed = ch.normalize('NFD');
    const tones = decomposed.match(TONES)?.join('') ?? '';
    return decomposed.replace(TONES, '').normalize('NFC') + tones;
  });
  const encoded = iconv.encode(parts.join(''), 'windows-1258');
  if (iconv.decode(encoded, 'windows-1258').normalize('NFC') !== text) {
    throw new Error('text not encodable in Windows-1258');
  }
  return encoded;
}

/** The TCVN3 (ABC) table as published: Unicode letter → the Latin-1 code a .VnTime font draws it at. */
const UNICODE = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const TCVN3 = 'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';

/**
 * Vietnamese as typed in a TCVN3 font. Toned capitals have no code of their own (they were
 * set in the capital font on the lowercase codes), so they take the lowercase code here too.
 */
export function toTcvn3(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => {
    const direct = UNICODE.indexOf(ch);
    if (direct >= 0) return TCVN3.charAt(direct);
    const lower = UNICODE.indexOf(ch.toLowerCase());
    return lower >= 0 ? TCVN3.charAt(lower) : ch;
  }).join('');
}

/** A zip entry; `declare` overrides the uncompressed size written in the headers. */
export interface ZipPart {
  readonly name: string;
  readonly content: Buffer;
  readonly declare?: number;
  /** Write the sizes as ZIP64 (0xFFFFFFFF markers plus a ZIP64 extra field). */
  readonly zip64?: boolean;
}

/** A zip with deflated parts, written header by header so its sizes can be made to lie. */
export function makeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = deflateRawSync(part.content);
    const size = part.declare ?? part.content.length;
    const name = Buffer.from(part.name);
    const extra = Buffer.alloc(part.zip64 ? 20 : 0);
    if (part.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.zip64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(part.zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(part.zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, extra, data);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The smallest .docx Word and mammoth accept: one paragraph per line of `text`. */
export function makeDocx(text: string, extraParts: readonly ZipPart[] = []): Buffer {
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`;
  return makeZip([{ name: 'word/document.xml', content: Buffer.from(document) }, ...extraParts]);
}

/**
 * Lines of at most `width` characters, filled greedily as a word processor does, breaking
 * at spaces and after a hyphen inside a word ("21-|NQ/TU", "2022-|2025"); a blank line
 * between paragraphs.
 */
export function wrapText(paragraphs: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (lines.length) lines.push('');
    let line = '';
    for (const word of paragraph.split(' ')) {
      word.split(/(?<=[\p{L}\p{N}]-)(?=[\p{L}\p{N}])/u).forEach((piece, i) => {
        const glue = line === '' || i > 0 ? '' : ' ';
        if (line !== '' && line.length + glue.length + piece.length > width) {
          lines.push(line);
          line = piece;
        } else line += glue + piece;
      });
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A PDF written by hand, one page per argument, each with its lines of Courier (fixed-width)
 * text from the top over a drawn rectangle; a page without lines is like a scan without a
 * text layer.
 */
export function makePdf(...pages: ReadonlyArray<readonly string[]>): string {
  const pageLines = pages.length ? pages : [[]];
  const kids = pageLines.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pageLines.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, lines] of pageLines.entries()) {
    const text = lines.length
      ? `BT /F1 11 Tf 14 TL 72 760 Td ${lines.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) '`).join(' ')} ET`
      : '';
    const content = `0.9 0.9 0.9 rg 60 60 475 720 re f ${text}`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
