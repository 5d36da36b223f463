import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { readBytes, readDocument, type ReadOptions } from '../../src/read/index.js';
import { ROOT } from '../support/built.js';
import { encodeWindows1258, makeDocx, makePdf, makeZip, toTcvn3, wrapText } from './make-files.js';

const SAMPLE_DIR = join(ROOT, 'samples');
const SAMPLES = readdirSync(SAMPLE_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(SAMPLE_DIR, name), 'utf8').normalize('NFC') }));
const sampleText = SAMPLES[1]?.text ?? '';
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
// Locally a missing tool skips its tests (and says so); in CI a skip would hide a failure, so they run and fail.
const inCi = process.env['CI'] === 'true';
const runPdf = inCi || havePdftotext;
const runLibreOffice = inCi || (haveSoffice && havePdftotext);
if (!runPdf) console.warn('skipping PDF reader tests: pdftotext not found (apt-get install poppler-utils)');
if (!runLibreOffice) {
  console.warn('skipping LibreOffice-made .docx/.pdf tests: soffice or pdftotext not found');
}

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

async function readOk(path: string, options: ReadOptions = {}) {
  const result = await readDocument(path, options);
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}: ${result.error.message}`);
  return result;
}

async function readError(path: string, options: ReadOptions = {}) {
  const result = await readDocument(path, options);
  if (result.ok) throw new Error(`expected an error, got ${result.text.length} characters of text`);
  return result.error;
}

/** Windows-1258 has ¹ ² ³ but no other superscript digits; a file saved in it has plain ones. */
const in1258 = (text: string) => text.replace(/[⁰⁴-⁹]/g, (d) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(d)));

const ENCODINGS: ReadonlyArray<
  readonly [string, (text: string) => Uint8Array | string, (text: string) => string]
> = [
  ['UTF-8', (text) => text, (text) => text],
  ['UTF-8 with a byte-order mark', (text) => '\ufeff' + text, (text) => text],
  [
    'UTF-16LE with a byte-order mark',
    (text) => iconv.encode(text, 'utf-16le', { addBOM: true }),
    (text) => text,
  ],
  [
    'UTF-16BE with a byte-order mark',
    (text) => iconv.encode(text, 'utf-16be', { addBOM: true }),
    (text) => text,
  ],
  ['UTF-16LE without a byte-order mark', (text) => iconv.encode(text, 'utf-16le'), (text) => text],
  ['UTF-16BE without a byte-order mark', (text) => iconv.encode(text, 'utf-16be'), (text) => text],
  ['Windows-1258 (tones as combining marks)', encodeWindows1258, in1258],
];

describe('reading text files', () => {
  it.each(ENCODINGS)(
    'reads every sample directive saved as %s exactly',
    async (encoding, encode, representable) => {
      for (const [i, sample] of SAMPLES.entries()) {
        const text = representable(sample.text);
        const result = await readOk(write(`sample-${i}-${encoding.replace(/\W+/g, '-')}.txt`, encode(text)));
        expect(result.text, sample.name).toBe(text);
        expect(result.format).toBe('txt');
      }
    },
  );

  it('says which encoding it decoded when it was not UTF-8', async () => {
    const cp1258 = await readOk(write('cp1258.txt', encodeWindows1258(sampleText)));
    expect(cp1258.notes.join()).toMatch(/Windows-1258/);
    const utf16 = await readOk(write('utf16.txt', iconv.encode(sampleText, 'utf-16le')));
    expect(utf16.notes.join()).toMatch(/UTF-16LE/);
    expect((await readOk(write('utf8.txt', sampleText))).notes).toEqual([]);
  });

  it('turns Windows and old Mac line ends into plain line feeds', async () => {
    expect((await readOk(write('crlf.txt', sampleText.replace(/\n/g, '\r\n')))).text).toBe(sampleText);
    expect((await readOk(write('cr.txt', sampleText.replace(/\n/g, '\r')))).text).toBe(sampleText);
  });

  it('composes decomposed (NFD) Vietnamese so searches and spans line up', async () => {
    expect((await readOk(write('nfd.txt', sampleText.normalize('NFD')))).text).toBe(sampleText);
  });

  it('reads UTF-8 with one damaged byte, marks the spot and says on which line', async () => {
    const lines = sampleText.split('\n');
    const damaged = Buffer.concat([
      Buffer.from(lines.slice(0, 4).join('\n') + '\n'),
      Buffer.from([0xe9]),
      Buffer.from(lines.slice(4).join('\n')),
    ]);
    const result = await readOk(write('one-bad-byte.txt', damaged));
    expect(result.text).toBe([...lines.slice(0, 4), '\ufffd' + lines.slice(4).join('\n')].join('\n'));
    expect(result.notes.join()).toMatch(/line 5/);
  });

  it('refuses a directive typed in the TCVN3 font (.VnTime) and says how to convert it', async () => {
    expect(toTcvn3('Cộng hòa xã hội')).toBe('Céng hßa x· héi');
    const legacy = toTcvn3(sampleText);
    for (const [name, bytes] of [
      ['tcvn3-bytes.txt', iconv.encode(legacy, 'latin1')],
      ['tcvn3-as-utf8.txt', Buffer.from(legacy)],
    ] as const) {
      const error = await readError(write(name, bytes));
      expect(error.code, name).toBe('unsupported-encoding');
      expect(error.message).toContain(name);
      expect(error.message).toMatch(/TCVN3/);
      expect(error.message).toMatch(/UniKey/);
    }
  });

  it('refuses text typed in a VNI font and names it', async () => {
    const vni =
      'Uûy ban nhaân daân tænh Höng Yeân\nCoäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nKeá hoaïch thöïc hieän nhieäm vuï naêm 2025 ñöôïc ban haønh\n';
    for (const bytes of [iconv.encode(vni.repeat(4), 'latin1'), Buffer.from(vni.repeat(4))]) {
      const error = await readError(write('vni.txt', bytes));
      expect(error.code).toBe('unsupported-encoding');
      expect(error.message).toMatch(/VNI/);
    }
  });

  it('never refuses Unicode Vietnamese, however it is mixed with English, numbers and symbols', async () => {
    const lines = SAMPLES.flatMap((s) => s.text.split('\n')).filter((l) => l.trim() !== '');
    const noise = [
      'Total 25°C ± 2 § 3',
      'GRDP/người ≥ 8,5%',
      '«Kế hoạch» © 2025',
      'café naïve Größe',
      'http://x.vn/a-b',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...noise), { maxLength: 8 }),
        async (vietnamese, other) => {
          const text = [...vietnamese, ...other].join('\n');
          const result = await readBytes(Buffer.from(text), 'mixed.txt');
          expect(result.ok ? result.text : result.error.message).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('asks for UTF-8 rather than guessing when 8-bit text is not Vietnamese', async () => {
    const german = 'Die Größe der Straße über dem Fluß ist schön. Äpfel und Öl für die Küche.\n'.repeat(5);
    const error = await readError(write('deutsch.txt', iconv.encode(german, 'latin1')));
    expect(error.code).toBe('unsupported-encoding');
    expect(error.message).toMatch(/UTF-8/);
    expect(error.message).not.toMatch(/TCVN3|VNI/);
  });

  it('treats an empty file as empty text (the extractor warns about it)', async () => {
    expect((await readOk(write('empty.txt', ''))).text).toBe('');
  });

  it('reads a Markdown file as Markdown', async () => {
    const result = await readOk(write('note.md', '# Kế hoạch\n\n**Phấn đấu** tăng 8%.\n'));
    expect(result.format).toBe('md');
    expect(result.text).toBe('# Kế hoạch\n\n**Phấn đấu** tăng 8%.\n');
  });

  it('reads text whatever its extension, or with none', async () => {
    for (const name of ['ghi-chu.van-ban', 'KE_HOACH']) {
      const result = await readOk(write(name, sampleText));
      expect(result.text).toBe(sampleText);
      expect(result.format).toBe('txt');
    }
  });

  it('drops the odd NUL byte, which the database cannot store', async () => {
    expect((await readOk(write('nul.txt', sampleText + '\u0000'))).text).toBe(sampleText);
  });

  it('refuses a megabyte of random bytes as not a text document, naming the file', async () => {
    const noise = Buffer.alloc(1024 * 1024);
    let seed = 42;
    for (let i = 0; i < noise.length; i++) noise[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
    const error = await readError(write('noise.txt', noise));
    expect(error.code).toBe('binary-content');
    expect(error.message).toContain('noise.txt');
  });

  it('says a file named .pdf that holds no PDF is damaged or renamed', async () => {
    const error = await readError(write('fake.pdf', Buffer.alloc(4096, 0x01)));
    expect(error.code).toBe('binary-content');
    expect(error.message).toMatch(/\.pdf/);
  });
});

describe('reading files that are not there, not files, or too big', () => {
  it('says a missing file is missing, naming it', async () => {
    const error = await readError(join(dir, 'không có.txt'));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('không có.txt');
  });

  it('says a folder is not a file', async () => {
    const error = await readError(dir);
    expect(error.code).toBe('not-a-file');
    expect(error.message).toMatch(/thư mục/);
  });

  it('refuses a file over the size limit before reading it, saying the limit', async () => {
    const path = write('lớn.txt', sampleText);
    const error = await readError(path, { maxBytes: 10_000 });
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('lớn.txt');
    expect(error.message).toMatch(/tối đa 10 KB/);
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

describe('reading Word .docx files', () => {
  it('reads a .docx paragraph by paragraph', async () => {
    const result = await readOk(write('nho.docx', makeDocx('Cộng hòa xã hội\nĐộc lập - Tự do - Hạnh phúc')));
    expect(result.format).toBe('docx');
    expect(result.text).toBe('Cộng hòa xã hội\n\nĐộc lập - Tự do - Hạnh phúc\n\n');
  });

  it('refuses a zip bomb dressed as .docx from its directory, without inflating it', async () => {
    const bomb = makeDocx('xin chào', [
      { name: 'word/media/zeros.bin', content: Buffer.alloc(64 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const error = await readError(write('bomb.docx', bomb));
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.code).toBe('docx-too-large-uncompressed');
    expect(error.message).toContain('bomb.docx');
    expect(error.message).toContain('word/media/zeros.bin');
  });

  it('refuses a .docx whose parts would inflate past the total allowed', async () => {
    const claims = makeDocx('xin chào', [
      { name: 'word/big.xml', content: Buffer.from('<a/>'), declare: 3e9 },
    ]);
    expect((await readError(write('claims.docx', claims))).code).toBe('docx-too-large-uncompressed');
    const small = makeDocx('xin chào', [{ name: 'word/styles.xml', content: Buffer.alloc(300_000, 0x20) }]);
    const error = await readError(write('small-limit.docx', small), { maxUncompressedBytes: 100_000 });
    expect(error.code).toBe('docx-too-large-uncompressed');
  });

  it('refuses a .docx whose directory lies small about a part that inflates big', async () => {
    const liar = makeDocx('xin chào', [
      { name: 'word/styles.xml', content: Buffer.alloc(20 * 1024 * 1024, 0x20), declare: 1000 },
    ]);
    const error = await readError(write('liar.docx', liar));
    expect(error.code).toBe('docx-too-large-uncompressed');
    expect(error.message).toMatch(/word\/styles\.xml/);
  });

  it('reads ZIP64 sizes, refusing a bomb that hides its size there', async () => {
    const honest = makeDocx('Hà Nội', [
      { name: 'word/styles.xml', content: Buffer.from('<w:styles/>'), zip64: true },
    ]);
    expect((await readOk(write('zip64.docx', honest))).text).toBe('Hà Nội\n\n');
    const hidden = makeDocx('Hà Nội', [
      { name: 'word/styles.xml', content: Buffer.from('<w:styles/>'), zip64: true, declare: 2 ** 40 },
    ]);
    expect((await readError(write('zip64-bomb.docx', hidden))).code).toBe('docx-too-large-uncompressed');
  });

  it('refuses a .docx with bytes slipped in before its directory, which would show mammoth another one', async () => {
    const docx = makeDocx('xin chào');
    const directoryAt = docx.readUInt32LE(docx.length - 6);
    const shifted = Buffer.concat([
      docx.subarray(0, directoryAt),
      Buffer.alloc(64),
      docx.subarray(directoryAt),
    ]);
    expect((await readError(write('shifted.docx', shifted))).code).toBe('corrupt-docx');
  });

  it('says a cut-short .docx is damaged and how to fix it', async () => {
    const docx = makeDocx('xin chào');
    const error = await readError(write('cut.docx', docx.subarray(0, docx.length - 30)));
    expect(error.code).toBe('corrupt-docx');
    expect(error.message).toContain('cut.docx');
    expect(error.message).toMatch(/lưu lại/);
  });

  it('says a .docx without a Word document inside is damaged', async () => {
    const zip = makeZip([{ name: 'hello.txt', content: Buffer.from('xin chào') }]);
    expect((await readError(write('empty-inside.docx', zip))).code).toBe('corrupt-docx');
  });

  it('names what another zip is instead of calling it a damaged .docx', async () => {
    const zip = makeZip([{ name: 'hello.txt', content: Buffer.from('xin chào') }]);
    const archive = await readError(write('tai-lieu.zip', zip));
    expect(archive.code).toBe('unsupported-format');
    expect(archive.message).toMatch(/zip/);
    const workbook = makeZip([{ name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') }]);
    const excel = await readError(write('bang-tinh.xlsx', workbook));
    expect(excel.code).toBe('unsupported-format');
    expect(excel.message).toMatch(/Excel/);
  });

  it('asks for .docx when given a legacy .doc', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const error = await readError(write('cu.doc', ole));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/\.docx/);
  });

  it('asks for .docx when given RTF, and says an image needs OCR', async () => {
    const rtf = await readError(write('van-ban.rtf', '{\\rtf1\\ansi Xin chao}'));
    expect(rtf.code).toBe('unsupported-format');
    expect(rtf.message).toMatch(/\.docx/);
    const png = await readError(
      write('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    );
    expect(png.code).toBe('unsupported-format');
    expect(png.message).toMatch(/OCR/);
  });

  it('refuses a .docx typed in the TCVN3 font', async () => {
    const error = await readError(write('tcvn3.docx', makeDocx(toTcvn3(sampleText))));
    expect(error.code).toBe('unsupported-encoding');
    expect(error.message).toMatch(/TCVN3/);
  });

  it('reads a Word document saved with a .doc name, and says so', async () => {
    const result = await readOk(write('renamed.doc', makeDocx('Hà Nội')));
    expect(result.format).toBe('docx');
    expect(result.notes.join()).toMatch(/read as DOCX/);
  });
});

describe('when pdftotext is missing', () => {
  it('names the package to install', async () => {
    const pdf = write('cần-pdftotext.pdf', makePdf(['Nghi quyet so 21-NQ/TU']));
    const error = await readError(pdf, { pdftotextPath: join(dir, 'no-such-pdftotext') });
    expect(error.code).toBe('missing-system-tool');
    expect(error.message).toContain('apt-get install poppler-utils');
    expect(error.message).toContain('cần-pdftotext.pdf');
  });
});

describe.skipIf(!runPdf)('reading PDFs with poppler', () => {
  const paragraphs = [
    'Thuc hien Nghi quyet so 21-NQ/TU ngay 24/3/2022 cua Ban Thuong vu Tinh uy ve phat trien thanh pho Hung Yen giai doan 2022-2025, tam nhin den nam 2045; phat trien kinh te - xa hoi nhanh va ben vung. GRDP/nguoi tang 8,5%.',
    'So Ke hoach va Dau tu chu tri, phoi hop voi cac so, nganh lien quan tham muu UBND tinh ban hanh ke hoach so 12-KH/UBND truoc ngay 30/6/2025.',
  ];
  const recipients = ['Noi nhan:', '- Cac Ban Dang tinh,', '- Cac so, nganh, doan the tinh,', '- Luu: VT.'];
  const lines = [...wrapText(paragraphs, 60), '', ...recipients];

  it('gives back each wrapped paragraph as one line at any column width, hyphens at line ends kept', async () => {
    let brokeAfterHyphen = false;
    for (let width = 40; width <= 76; width += 3) {
      const wrapped = wrapText(paragraphs, width);
      brokeAfterHyphen ||= wrapped.some((line) => /\d-$/.test(line));
      const result = await readOk(write(`wrapped-${width}.pdf`, makePdf([...wrapped, '', ...recipients])));
      expect(result.format).toBe('pdf');
      const got = result.text.split('\n').filter((line) => line !== '');
      expect(got, `wrapped at ${width}`).toEqual([...paragraphs, ...recipients]);
    }
    expect(brokeAfterHyphen).toBe(true);
  });

  it('says a PDF without a text layer has none, and that OCR is not supported yet', async () => {
    const error = await readError(write('scan.pdf', makePdf()));
    expect(error.code).toBe('pdf-no-text-layer');
    expect(error.message).toContain('scan.pdf');
    expect(error.message).toMatch(/OCR/);
  });

  it('treats a scan whose only text is a scanner app stamp as having no text layer', async () => {
    const error = await readError(write('camscanner.pdf', makePdf(['Scanned with CamScanner'])));
    expect(error.code).toBe('pdf-no-text-layer');
  });

  it('reads the typed pages of a PDF with scanned pages, and names the pages it could not read', async () => {
    const result = await readOk(write('mixed.pdf', makePdf(lines, [], ['Scanned with CamScanner'])));
    expect(result.text).toContain(paragraphs[0]);
    expect(result.notes.join()).toMatch(/page\(s\) 2, 3 have almost no text/);
  });

  it('says a damaged PDF cannot be read, naming the file', async () => {
    const error = await readError(write('broken.pdf', '%PDF-1.7\n' + 'garbage '.repeat(100)));
    expect(error.code).toBe('pdf-unreadable');
    expect(error.message).toContain('broken.pdf');
  });

  it('reads a PDF saved with a .txt name as a PDF, and says so', async () => {
    const result = await readOk(write('really-a-pdf.txt', makePdf(lines)));
    expect(result.format).toBe('pdf');
    expect(result.notes.join()).toMatch(/read as PDF; the file extension said \.txt/);
  });
});

/** A justified paragraph whose "21-NQ/TU" changes font mid-word, split around that number. */
const HEADER_PARAGRAPH = [
  '1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành liên quan tham mưu Ủy ban nhân dân tỉnh triển khai thực hiện Nghị quyết số',
  ' của Ban Thường vụ Tỉnh ủy về phát triển kinh tế - xã hội giai đoạn 2021-2025; hoàn thành trước ngày 30/6/2025. Sở Tài chính bảo đảm kinh phí thực hiện theo quy định hiện hành của pháp luật về ngân sách nhà nước.',
] as const;

/** A directive's header: two borderless columns (issuer | national motto), then the title. */
async function headerDocx(): Promise<Buffer> {
  const cell = (lines: string[]) =>
    new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: line, bold: true })],
          }),
      ),
    });
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                children: [
                  cell(['ỦY BAN NHÂN DÂN', 'TỈNH HƯNG YÊN', 'Số: 123/KH-UBND']),
                  cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']),
                ],
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            children: [
              new TextRun(`${HEADER_PARAGRAPH[0]} 21`),
              new TextRun({ text: '-NQ/TU', bold: true }),
              new TextRun(HEADER_PARAGRAPH[1]),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!runLibreOffice)(
  'reading .docx and .pdf that LibreOffice made from the sample directives',
  () => {
    let work: string;
    const convert = (args: string[]) =>
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', ...args, '--outdir', work],
        { stdio: 'ignore', timeout: 120_000 },
      );

    beforeAll(async () => {
      work = join(dir, 'lo');
      mkdirSync(work);
      const sources = SAMPLES.map((sample, i) => {
        const path = join(work, `sample-${i}.txt`);
        copyFileSync(join(SAMPLE_DIR, sample.name), path);
        return path;
      });
      const asText = '--infilter=Text (encoded):UTF8,LF,,,';
      convert([asText, '--convert-to', 'docx:MS Word 2007 XML', ...sources]);
      convert([asText, '--convert-to', 'pdf', ...sources]);
      const header = join(work, 'header.docx');
      writeFileSync(header, await headerDocx());
      const locked = join(work, 'locked.txt');
      copyFileSync(sources[0] ?? '', locked);
      convert(['--convert-to', 'pdf', header]);
      convert([
        asText,
        '--convert-to',
        'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"mat-khau"}}',
        locked,
      ]);
    }, 240_000);

    it('reads every sample .docx with every Vietnamese letter exact', async () => {
      for (const [i, sample] of SAMPLES.entries()) {
        const result = await readOk(join(work, `sample-${i}.docx`));
        expect(result.format).toBe('docx');
        expect(flat(result.text), sample.name).toBe(flat(sample.text));
      }
    });

    it('reads every sample PDF with every letter, hyphen and line in order', async () => {
      for (const [i, sample] of SAMPLES.entries()) {
        const result = await readOk(join(work, `sample-${i}.pdf`));
        expect(result.format).toBe('pdf');
        const text = flat(result.text);
        // Named checks first, for a readable failure: the opening lines and long lines with diacritics.
        const lines = sample.text.split('\n').map(flat).filter(Boolean);
        for (const line of lines.slice(0, 3)) expect(text, sample.name).toContain(line);
        for (const line of lines.filter((l) => l.length > 80 && /[ạảấầẩẫậặệỉịọỏốồổỗộớờởợụủứừửữự]/u.test(l))) {
          expect(text, sample.name).toContain(line);
        }
        expect(text, sample.name).toBe(flat(sample.text));
      }
    });

    it("keeps the two columns of a directive's header apart in the PDF, as in the .docx", async () => {
      const pdf = (await readOk(join(work, 'header.pdf'))).text;
      expect(pdf).toContain('ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN\nSố: 123/KH-UBND');
      expect(pdf).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
      // The justified paragraph spans several lines on the page and comes back as one.
      const paragraph = `${HEADER_PARAGRAPH[0]} 21-NQ/TU${HEADER_PARAGRAPH[1]}`;
      expect(pdf.split('\n')).toContain(paragraph);
      const docx = (await readOk(join(work, 'header.docx'))).text;
      expect(docx).toContain('ỦY BAN NHÂN DÂN\n\nTỈNH HƯNG YÊN');
      expect(docx.split('\n')).toContain(paragraph);
    });

    it('gives the extractor the same directive from each sample PDF and .docx as from its text', async () => {
      const summary = (text: string) => {
        const result = extract(text);
        return {
          number: result.document.number,
          references: result.references.length,
          targets: result.targets.length,
          results: result.results.length,
          tasks: result.tasks.map((task) => flat(task.text).slice(0, 60)),
        };
      };
      for (const [i, sample] of SAMPLES.entries()) {
        const expected = summary(sample.text);
        const pdf = (await readOk(join(work, `sample-${i}.pdf`))).text;
        expect(summary(pdf), `${sample.name} as PDF`).toEqual(expected);
        const docx = (await readOk(join(work, `sample-${i}.docx`))).text;
        expect(summary(docx), `${sample.name} as .docx`).toEqual(expected);
      }
    });

    it('says a password-protected PDF needs its password removed', async () => {
      const error = await readError(join(work, 'locked.pdf'));
      expect(error.code).toBe('pdf-unreadable');
      expect(error.message).toMatch(/mật khẩu/);
      expect(error.message).toMatch(/password/);
    });

    it('reads files whose names have spaces, Vietnamese letters or a leading dash', async () => {
      for (const [from, to] of [
        ['sample-0.pdf', 'Nghị quyết số 21 (bản cuối).pdf'],
        ['sample-0.docx', '-rf Kế hoạch.docx'],
        ['sample-0.txt', '-- Thông báo kết luận.txt'],
      ] as const) {
        copyFileSync(join(work, from), join(work, to));
        const result = await readOk(join(work, to));
        expect(flat(result.text), to).toBe(flat(SAMPLES[0]?.text ?? ''));
      }
    });
  },
);
