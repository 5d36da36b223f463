import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeDate } from '../../src/app/exports/docx.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { ROOT } from '../support/built.js';
import { demoServer, logIn, type Client } from '../support/http.js';

function has(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
const calc =
  has('dpkg-query', ['-W', 'libreoffice-calc-nogui']) || has('dpkg-query', ['-W', 'libreoffice-calc']);
const writer = has('soffice', ['--version']);
// In CI the conversions must run; locally a missing LibreOffice part skips them.
const convertXlsx = process.env['CI'] === 'true' || calc;
const convertDocx = process.env['CI'] === 'true' || writer;

let app: FastifyInstance;
let store: Store;
let office: Client;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ro-exports-'));
  store = openStore({ file: join(dir, 'ro.db') });
  await migrate(store);
  app = await demoServer(store);
  office = await logIn(app, 'vanphong');
  // A unit's Q2 report, so the compiled report has difficulties and recommendations.
  const member = await logIn(app, 'sotaichinh');
  const regimeId = (await member.request('GET', '/api/regimes')).json().items[0].id;
  const draft = (await member.request('POST', '/api/reports', { regimeId, period: '2026-Q2' })).json();
  const content = {
    tasks: draft.content.tasks.slice(0, 1),
    indicators: [],
    difficulties: [{ text: 'Nguồn thu từ đất đạt thấp', taskId: draft.content.tasks[0].taskId }],
    recommendations: [{ text: 'Đề nghị đẩy nhanh đấu giá quyền sử dụng đất' }],
  };
  await member.request('PATCH', `/api/reports/${draft.id}`, { content });
  await member.request('POST', `/api/reports/${draft.id}/submit`);
}, 120_000);
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function download(kind: string, period: string, format: string) {
  const res = await office.request('GET', `/api/exports/${kind}?period=${period}&format=${format}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

function toPdf(file: string): string {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    {
      stdio: 'ignore',
      timeout: 180_000,
    },
  );
  return file.replace(/\.\w+$/, '.pdf');
}

describe('spreadsheet exports', () => {
  it('hold numbers as numbers: plan bounds, actuals and percentages', async () => {
    const zip = await JSZip.loadAsync(await download('targets', '2024', 'xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)');
    // 7,5–8 % is stored as the numbers 7.5 and 8, not as text.
    expect(sheet).toMatch(/<c r="F\d+"[^>]*><v>7\.5<\/v><\/c><c r="G\d+"[^>]*><v>8<\/v>/);
    // Below the title and header rows, every number column holds numbers.
    expect(sheet).not.toMatch(/<c r="[FGHJ](?:[3-9]|\d\d+)"[^>]*t="(s|inlineStr|str)"/);
  });

  it('write deadlines as dates and progress as numbers in the task list', async () => {
    const zip = await JSZip.loadAsync(await download('tasks', '2026-Q2', 'xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('dd/mm/yyyy');
    expect(sheet).toMatch(/<c r="F3"[^>]*><v>\d{5}<\/v>/);
    expect(sheet).not.toMatch(/<c r="[FHJ](?:[3-9]|\d\d+)"[^>]*t="(s|inlineStr|str)"/);
  });

  it('rank units in the scorecard and state the formula', async () => {
    const zip = await JSZip.loadAsync(await download('scorecard', '2026-Q2', 'xlsx'));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('Sở Tài chính');
    expect(sheet).toContain('Cách tính: Điểm = 50 ×');
  });

  it.skipIf(!convertXlsx)(
    'open in LibreOffice (convert to PDF)',
    async () => {
      const file = join(dir, 'targets.xlsx');
      writeFileSync(file, await download('targets', '2024', 'xlsx'));
      const pdf = toPdf(file);
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('BẢNG CHỈ TIÊU NĂM 2024');
    },
    200_000,
  );
});

describe('the compiled report (.docx)', () => {
  let xml: string;
  let headerXml: string[];
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await download('report', '2026-Q2', 'docx');
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')!.async('string');
    headerXml = await Promise.all(zip.file(/word\/header\d*\.xml/).map((f) => f.async('string')));
  });

  it('is A4 portrait with the decree’s margins and Times New Roman', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:bottom="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="850"/);
    expect(xml).toContain('Times New Roman');
  });

  it('has the national title, the motto underlined, the issuer, the number and the italic place-date line', () => {
    expect(xml).toMatch(/<w:b\/>.*?CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/s);
    expect(xml).toMatch(/<w:u w:val="single"\/>[^]*?Độc lập - Tự do - Hạnh phúc/);
    expect(xml).toContain('ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN');
    expect(xml).toContain('/BC-VP');
    expect(xml).toMatch(/<w:i\/>[^]*?Hưng Yên, ngày \d\d tháng \d+ năm \d{4}/);
    expect(xml).toContain('BÁO CÁO');
  });

  it('writes days under 10 and the months January and February with a leading zero', () => {
    expect(placeDate('Hưng Yên', '2026-07-05')).toBe('Hưng Yên, ngày 05 tháng 7 năm 2026');
    expect(placeDate('Hưng Yên', '2026-02-15')).toBe('Hưng Yên, ngày 15 tháng 02 năm 2026');
    expect(placeDate('Hưng Yên', '2026-12-31')).toBe('Hưng Yên, ngày 31 tháng 12 năm 2026');
  });

  it('lays out sections, the overdue table, the units’ difficulties and recommendations, recipients and signature', () => {
    for (const text of [
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ',
      'III. KHÓ KHĂN, VƯỚNG MẮC',
      'IV. KIẾN NGHỊ, ĐỀ XUẤT',
      'Số ngày trễ',
      'Nguồn thu từ đất đạt thấp',
      'Đề nghị đẩy nhanh đấu giá quyền sử dụng đất',
      'Nơi nhận:',
      '- Lưu: VT, VP.',
      'CHÁNH VĂN PHÒNG',
    ]) {
      expect(xml, text).toContain(text);
    }
    expect(xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(xml).toMatch(/<w:ind w:firstLine="567"\/>/);
    expect(xml).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/>[^]*?Nơi nhận:/);
  });

  it('numbers pages at the top centre from page 2', () => {
    expect(xml).toContain('<w:titlePg/>');
    expect(headerXml.some((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h))).toBe(true);
  });

  it.skipIf(!convertDocx)(
    'converts to PDF with the layout intact',
    () => {
      const file = join(dir, 'report.docx');
      writeFileSync(file, bytes);
      const pdf = toPdf(file);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      expect(text).toMatch(/Độc lập - Tự do - Hạnh phúc/);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 84[12]/);
      // The first page as an image, kept in test-output/ for a reviewer to look at.
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      execFileSync('pdftoppm', [
        '-r',
        '60',
        '-png',
        '-f',
        '1',
        '-l',
        '2',
        pdf,
        join(ROOT, 'test-output', 'report-page'),
      ]);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+[2-9]/);
    },
    200_000,
  );
});

describe('export requests', () => {
  it('refuse a table as .docx, the report as .xlsx, and a bad period', async () => {
    expect((await office.request('GET', '/api/exports/report?period=2026-Q2&format=xlsx')).statusCode).toBe(
      400,
    );
    expect((await office.request('GET', '/api/exports/tasks?period=2026-Q2&format=docx')).statusCode).toBe(
      400,
    );
    expect((await office.request('GET', '/api/exports/tasks?period=2026-Q9&format=xlsx')).statusCode).toBe(
      400,
    );
    expect((await office.request('GET', '/api/exports/secrets?period=2026&format=xlsx')).statusCode).toBe(
      400,
    );
  });

  it('stream a thousands-of-tasks list as a file download', async () => {
    const res = await office.request('GET', '/api/exports/tasks?period=2026&format=xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('ro-tasks-2026.xlsx');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
