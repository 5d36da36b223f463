import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes, readDocument } from '../../src/read/index.js';
import { ROOT } from '../support/built.js';

const SAMPLE = join(ROOT, 'samples', '001_c59187114e89ad75.txt');
const sampleText = readFileSync(SAMPLE, 'utf8').normalize('NFC');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function hasTool(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const haveSoffice = hasTool('soffice', ['--version']);
const havePdftotext = hasTool('pdftotext', ['-v']);
// Locally a missing tool skips its tests; in CI a skip would hide a failure, so they run (and fail).
const runConversions = process.env['CI'] === 'true' || (haveSoffice && havePdftotext);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ro-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function readOk(path: string, options = {}) {
  const result = await readDocument(path, options);
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}: ${result.error.message}`);
  return result;
}

async function readError(path: string, options = {}) {
  const result = await readDocument(path, options);
  if (result.ok) throw new Error(`expected an error, got ${result.text.length} characters of text`);
  return result.error;
}

describe('reading text files', () => {
  it('reads UTF-8 exactly, with or without a byte-order mark, and with Windows line ends', async () => {
    expect((await readOk(write('plain.txt', sampleText))).text).toBe(sampleText);
    expect((await readOk(write('bom.txt', '\ufeff' + sampleText))).text).toBe(sampleText);
    expect((await readOk(write('crlf.txt', sampleText.replace(/\n/g, '\r\n')))).text).toBe(sampleText);
  });

  it('reads UTF-16 in both byte orders, with and without a byte-order mark, and says so', async () => {
    const le = await readOk(write('le.txt', iconv.encode(sampleText, 'utf-16le', { addBOM: true })));
    expect(le.text).toBe(sampleText);
    expect(le.notes.join()).toMatch(/UTF-16LE/);
    expect((await readOk(write('be.txt', iconv.encode(sampleText, 'utf-16be', { addBOM: true })))).text).toBe(
      sampleText,
    );
    expect((await readOk(write('le-nobom.txt', iconv.encode(sampleText, 'utf-16le')))).text).toBe(sampleText);
    expect((await readOk(write('be-nobom.txt', iconv.encode(sampleText, 'utf-16be')))).text).toBe(sampleText);
  });

  it('reads Windows-1258 (the Vietnamese Windows code page) into composed Unicode', async () => {
    const result = await readOk(write('cp1258.txt', encodeWindows1258(sampleText)));
    expect(result.text).toBe(sampleText);
    expect(result.notes.join()).toMatch(/Windows-1258/);
  });

  it('composes decomposed (NFD) Vietnamese so searches and spans line up', async () => {
    expect((await readOk(write('nfd.txt', sampleText.normalize('NFD')))).text).toBe(sampleText);
  });

  it('refuses text in the legacy TCVN3 and VNI fonts and says how to convert it', async () => {
    const tcvn3 =
      'Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nNghÞ quyÕt vÒ nhiÖm vô ph¸t triÓn kinh tÕ - x· héi n¨m 2024\n';
    const error = await readError(write('tcvn3.txt', iconv.encode(tcvn3.repeat(5), 'latin1')));
    expect(error.code).toBe('unsupported-encoding');
    expect(error.message).toMatch(/TCVN3/);
    expect(error.message).toMatch(/UniKey/);
    const vni =
      'Uûy ban nhaân daân tænh Höng Yeân\nCoäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nKeá hoaïch thöïc hieän nhieäm vuï naêm 2025\n';
    expect((await readError(write('vni.txt', vni.repeat(5)))).code).toBe('unsupported-encoding');
  });

  it('treats an empty file as empty text (the extractor warns about it)', async () => {
    expect((await readOk(write('empty.txt', ''))).text).toBe('');
  });

  it('reads a Markdown file as text', async () => {
    const result = await readOk(write('note.md', '# Kế hoạch\n\n**Phấn đấu** tăng 8%.\n'));
    expect(result.format).toBe('md');
    expect(result.text).toContain('**Phấn đấu**');
  });

  it('refuses random bytes as not a text document', async () => {
    const noise = Buffer.alloc(1024 * 1024);
    let seed = 42;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const error = await readError(write('noise.txt', noise));
    expect(['binary-content', 'unsupported-format', 'unsupported-encoding']).toContain(error.code);
    expect(error.message).toContain('noise.txt');
  });
});

describe('reading files that are not there or too big', () => {
  it('says a missing file is missing, naming it', async () => {
    const error = await readError(join(dir, 'không có.txt'));
    expect(error).toMatchObject({ code: 'not-found' });
    expect(error.message).toContain('không có.txt');
  });

  it('says a folder is not a file', async () => {
    expect((await readError(dir)).code).toBe('not-a-file');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const error = await readError(SAMPLE, { maxBytes: 10_000 });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/tối đa/);
  });

  it('refuses oversized uploaded bytes too', async () => {
    const result = await readBytes(new Uint8Array(2048), 'upload.txt', { maxBytes: 1024 });
    expect(result.ok ? 'ok' : result.error.code).toBe('too-large');
  });

  it('reads a 20 MB text file whole', async () => {
    const big = sampleText.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(sampleText)));
    const result = await readOk(write('big.txt', big));
    expect(result.text.length).toBe(big.length);
  });
});

/**
 * Windows-1258 has ô, ơ, ư, ă... precomposed but the five tones only as combining marks, so
 * "ố" is saved as "ô" + U+0301, the way Vietnamese Windows writes it.
 */
function encodeWindows1258(text: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const parts = Array.from(text, (ch) => {
    const direct = iconv.encode(ch, 'windows-1258');
    if (iconv.decode(direct, 'windows-1258') === ch) return ch;
    const decomposed = ch.normalize('NFD');
    const tones = decomposed.match(TONES)?.join('') ?? '';
    return decomposed.replace(TONES, '').normalize('NFC') + tones;
  });
  const encoded = iconv.encode(parts.join(''), 'windows-1258');
  if (iconv.decode(encoded, 'windows-1258').normalize('NFC') !== text)
    throw new Error('sample not encodable in Windows-1258');
  return encoded;
}

/** A minimal zip with one stored or deflated entry per [name, content]. */
function makeZip(files: readonly (readonly [string, Buffer])[], claimSize?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimSize ?? content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(claimSize ?? content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

describe('reading hostile Word and other binary files', () => {
  it('refuses a zip bomb dressed as .docx without inflating it', async () => {
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    const bomb = makeZip([
      ['[Content_Types].xml', Buffer.from('<Types/>')],
      ['word/document.xml', zeros],
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await readError(write('bomb.docx', bomb));
    expect(error.code).toBe('docx-too-large-uncompressed');
    expect(error.message).toContain('bomb.docx');
  });

  it('refuses a .docx that claims more uncompressed bytes than allowed', async () => {
    const claims = makeZip([['word/document.xml', Buffer.from('<w:document/>')]], 3_000_000_000);
    expect((await readError(write('claims.docx', claims))).code).toBe('docx-too-large-uncompressed');
  });

  it('says a cut-short .docx is damaged and how to fix it', async () => {
    const zip = makeZip([['word/document.xml', Buffer.from('<w:document/>')]]);
    const error = await readError(write('cut.docx', zip.subarray(0, zip.length - 30)));
    expect(error.code).toBe('corrupt-docx');
    expect(error.message).toMatch(/lưu lại/);
  });

  it('says a zip that is not a Word document is not one', async () => {
    const zip = makeZip([['hello.txt', Buffer.from('xin chào')]]);
    expect((await readError(write('other.docx', zip))).code).toBe('unsupported-format');
  });

  it('asks for .docx when given a legacy .doc', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const error = await readError(write('old.doc', ole));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/\.docx/);
  });
});

describe.skipIf(!runConversions)('reading real .docx and .pdf made by LibreOffice from a sample', () => {
  let docx: string;
  let pdf: string;

  beforeAll(() => {
    const work = join(dir, 'lo');
    mkdirSync(work);
    const source = join(work, 'nghi-quyet.txt');
    copyFileSync(SAMPLE, source);
    const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
    for (const target of ['docx:MS Word 2007 XML', 'pdf']) {
      execFileSync(
        'soffice',
        [
          profile,
          '--headless',
          '--infilter=Text (encoded):UTF8,LF,,,',
          '--convert-to',
          target,
          '--outdir',
          work,
          source,
        ],
        {
          stdio: 'ignore',
          timeout: 120_000,
        },
      );
    }
    docx = join(work, 'nghi-quyet.docx');
    pdf = join(work, 'nghi-quyet.pdf');
  }, 240_000);

  const phrases = sampleText
    .split('\n')
    .map((line) => flat(line))
    .filter((line) => line.length > 40 && /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u.test(line));

  it('reads the .docx with every Vietnamese letter exact', async () => {
    const result = await readOk(docx);
    expect(result.format).toBe('docx');
    expect(flat(result.text)).toBe(flat(sampleText));
  });

  it('reads the .pdf text layer with diacritics exact', async () => {
    const result = await readOk(pdf);
    expect(result.format).toBe('pdf');
    const text = flat(result.text);
    expect(phrases.length).toBeGreaterThan(10);
    for (const phrase of phrases.slice(0, 40)) {
      // Lines wrap on the page, so compare the words of each long line in order.
      const head = phrase.split(' ').slice(0, 6).join(' ');
      expect(text, head).toContain(head);
    }
  });

  it('reads a PDF saved with a .txt name as a PDF, and says so', async () => {
    const renamed = join(dir, 'really-a-pdf.txt');
    copyFileSync(pdf, renamed);
    const result = await readOk(renamed);
    expect(result.format).toBe('pdf');
    expect(result.notes.join()).toMatch(/read as PDF/);
  });

  it('says a PDF without a text layer has none, and that OCR is not supported yet', async () => {
    const error = await readError(write('scan.pdf', textlessPdf()));
    expect(error.code).toBe('pdf-no-text-layer');
    expect(error.message).toMatch(/OCR/);
  });

  it('says a damaged PDF is damaged', async () => {
    const error = await readError(write('broken.pdf', '%PDF-1.7\n' + 'garbage '.repeat(100)));
    expect(['pdf-unreadable', 'pdf-no-text-layer']).toContain(error.code);
    expect(error.message).toContain('broken.pdf');
  });

  it('names the package to install when pdftotext is missing', async () => {
    const error = await readError(pdf, { pdftotextPath: join(dir, 'no-such-pdftotext') });
    expect(error.code).toBe('missing-system-tool');
    expect(error.message).toContain('apt-get install poppler-utils');
  });
});

/** A valid one-page PDF that draws a rectangle and has no text. */
function textlessPdf(): string {
  const content = '0 0 1 rg 100 100 200 200 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
