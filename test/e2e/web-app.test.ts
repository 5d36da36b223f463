import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo.js';
import { buildServer } from '../../src/http/server.js';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { ROOT, ensureBuilt } from '../support/built.js';
import { sampleFiles } from '../support/http.js';

const CHROMIUM = '/usr/bin/chromium';
// Locally a missing Chromium skips the browser tests; in CI (`CI=true`) they must run.
const run = existsSync(CHROMIUM) || process.env['CI'] === 'true';
const SHOTS = join(ROOT, 'test-output', 'e2e');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'extract', 'ke-hoach-ubnd-tinh.txt');

let store: Store;
let app: FastifyInstance;
let browser: Browser;
let base = '';
let dir = '';
const consoleErrors: string[] = [];

async function page(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const p = await context.newPage();
  p.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${p.url()}: ${m.text()}`));
  p.on('pageerror', (e) => consoleErrors.push(`${p.url()}: ${e.message}`));
  return p;
}

async function logIn(p: Page, username: string): Promise<void> {
  await p.goto(base);
  await p.getByLabel('Tên đăng nhập').fill(username);
  await p.getByLabel('Mật khẩu').fill(`${username}-demo`);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await p.getByTestId('whoami').waitFor();
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!run)('the web app in a real browser', () => {
  beforeAll(async () => {
    ensureBuilt();
    if (!existsSync(join(ROOT, 'dist', 'web', 'index.html')))
      throw new Error('dist/web is missing: run npm run build');
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'ro-e2e-'));
    store = openStore({ file: join(dir, 'ro.db') });
    await migrate(store);
    await loadDemo(store, sampleFiles(), new Date().toISOString());
    app = await buildServer({ store });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the office uploads a directive, reviews it beside its source, fixes a deadline and confirms it', async () => {
    const p = await page();
    await logIn(p, 'vanphong');
    await shot(p, '01-overview');
    await p.getByRole('link', { name: 'Văn bản' }).click();
    await p.locator('input[type=file]').setInputFiles(FIXTURE);
    await p.waitForURL(/#\/directives\/\d+/);
    await p.getByRole('heading', { name: /Bản nháp/ }).waitFor();
    const reviewUrl = p.url();
    await shot(p, '02-review');

    // Clicking a task flashes its sentence in the source text.
    const firstTask = p.locator('.task-item').first();
    const taskId = (await firstTask.getAttribute('id'))!.replace('item-task-', '');
    await firstTask.locator('button.link').click();
    await expect.poll(() => p.locator(`#src-task-${taskId}`).getAttribute('class')).toContain('flash');

    // Fix its deadline.
    await firstTask.locator(`input[name="deadline-${taskId}"]`).fill('2026-12-31');
    await firstTask.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => p.locator(`#item-task-${taskId} .meta`).textContent()).toContain('31/12/2026');

    await p.getByRole('button', { name: 'Xác nhận kế hoạch' }).click();
    await p.getByRole('heading', { name: /Đã xác nhận/ }).waitFor();

    // The task is in the task list with the new deadline.
    await p.goto(`${base}/#/tasks?q=${encodeURIComponent('chủ trì')}`);
    await p.locator(`tr[data-task-id="${taskId}"]`).waitFor();
    expect(await p.locator(`tr[data-task-id="${taskId}"] td.deadline`).textContent()).toBe('31/12/2026');
    await shot(p, '03-tasks');
    // Filtered by the directive and the deadline window, the list holds just that plan's tasks.
    const directiveId = /#\/directives\/(\d+)/.exec(reviewUrl)![1];
    await p.goto(`${base}/#/tasks?directive=${directiveId}&period=2026-Q4`);
    await p.locator(`tr[data-task-id="${taskId}"]`).waitFor();
    expect(await p.locator('table.tasks tbody tr').count()).toBe(1);
    await p.context().close();
  }, 120_000);

  it('a unit submits its report, and the office sees it compiled and the scorecard changed', async () => {
    const office = await page();
    await logIn(office, 'vanphong');
    await office.goto(`${base}/#/scorecard`);
    const row = office.locator('table.scorecard tr', { hasText: 'Sở Tài chính' });
    await row.waitFor();
    const before = await row.locator('td').nth(6).textContent();

    const unit = await page();
    await logIn(unit, 'sotaichinh');
    await unit.goto(`${base}/#/reports`);
    const form = unit.getByRole('form', { name: 'Báo cáo' });
    await form.waitFor();
    await form.getByLabel('Khó khăn, vướng mắc').fill('Tiến độ giải ngân vốn đầu tư công chậm');
    await form.getByLabel('Kiến nghị, đề xuất').fill('Đề nghị điều chuyển vốn giữa các dự án');
    await shot(unit, '04-report-form');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => unit.locator('[data-status]').textContent()).toBe('submitted');

    // A unit member cannot edit another unit's task: only its own rows have inputs.
    await unit.goto(`${base}/#/tasks`);
    await unit.locator('table.tasks').waitFor();
    const editable = await unit.locator('table.tasks input[type=number]').count();
    const rows = await unit.locator('table.tasks tbody tr').count();
    expect(editable).toBeGreaterThan(0);
    expect(editable).toBeLessThan(rows);

    await office.goto(`${base}/#/reports`);
    await office.getByText('Tiến độ giải ngân vốn đầu tư công chậm').waitFor();
    await shot(office, '05-compiled');
    await office.goto(`${base}/#/scorecard`);
    await office.reload();
    const after = await office
      .locator('table.scorecard tr', { hasText: 'Sở Tài chính' })
      .locator('td')
      .nth(6)
      .textContent();
    expect(after).not.toBe(before);
    await shot(office, '06-scorecard');
    await unit.context().close();
    await office.context().close();
  }, 120_000);

  it('shows a task with its source sentence and history, lets the office remind its unit, and charts an indicator', async () => {
    const p = await page();
    await logIn(p, 'vanphong');
    await p.goto(`${base}/#/tasks?status=overdue&unit=${encodeURIComponent('Sở Tài chính')}`);
    await p.locator('table.tasks tbody tr a').first().click();
    await p.waitForURL(/#\/tasks\/\d+/);
    await p.locator('blockquote').waitFor();
    await p.getByRole('button', { name: 'Đôn đốc đơn vị chủ trì' }).click();
    await p.getByRole('status').waitFor();
    await shot(p, '08-task');
    await p.goto(`${base}/#/targets`);
    await p.locator('input[name=period]').fill('2024');
    const grdp = p.getByRole('link', { name: /\(GRDP\)/ }).first();
    await grdp.click();
    await p.waitForURL(/#\/indicators\/\d+/);
    await p.locator('.chart canvas').waitFor();
    expect(await p.locator('table tbody tr').count()).toBeGreaterThanOrEqual(5);
    await shot(p, '09-indicator');
    await p.context().close();
  }, 120_000);

  it('a unit reports an indicator value the Vietnamese way, and it joins the indicator’s series', async () => {
    // The office sets a yearly regime asking Sở Tài chính for budget revenue (through the API).
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password: 'vanphong-demo' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie, 'content-type': 'application/json' };
    type List = { items: { id: number }[] };
    const budget = (
      (await (await fetch(`${base}/api/indicators?q=thu%20ngan%20sach`, { headers })).json()) as List
    ).items[0]!;
    const finance = (
      (await (
        await fetch(`${base}/api/units?q=${encodeURIComponent('Sở Tài chính')}`, { headers })
      ).json()) as List
    ).items[0]!;
    const created = await fetch(`${base}/api/regimes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Báo cáo thu ngân sách năm',
        content: { tasks: 'led', indicatorIds: [budget.id] },
        frequency: 'year',
        receiverUnitId: null,
        unitIds: [finance.id],
        startsOn: '2026-01-01',
      }),
    });
    expect(created.status).toBe(201);

    const unit = await page();
    await logIn(unit, 'sotaichinh');
    await unit.goto(`${base}/#/reports`);
    await unit.locator('select[name=regime]').selectOption({ label: 'Báo cáo thu ngân sách năm' });
    await expect
      .poll(() => unit.locator('input[name=period]').inputValue())
      .toBe(String(new Date().getFullYear()));
    const input = unit.locator(`input[name="indicator-${budget.id}"]`);
    await input.waitFor();
    await input.fill('41.234,5');
    await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => unit.locator('[data-status]').textContent()).toBe('submitted');
    await shot(unit, '12-report-indicator');
    await unit.goto(`${base}/#/indicators/${budget.id}`);
    await unit.getByRole('cell', { name: '41.234,5 tỷ đồng', exact: true }).waitFor();
    await unit.context().close();
  }, 120_000);

  it('shows a clear message, never a blank page, when the server answers badly', async () => {
    const p = await page();
    await logIn(p, 'lanhdao');
    const before = consoleErrors.length;
    await p.route('**/api/tasks?*', (route) =>
      route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    );
    await p.goto(`${base}/#/tasks`);
    await expect
      .poll(() => p.getByRole('alert').textContent())
      .toMatch(/Máy chủ trả lời không hợp lệ|Có lỗi/);
    await p.route('**/api/scorecard?*', (route) => route.abort());
    await p.goto(`${base}/#/scorecard`);
    await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/Không kết nối được máy chủ/);
    await shot(p, '11-server-error');
    await p.context().close();
    // The failures above were provoked; they are not the app's console errors.
    consoleErrors.splice(before);
  }, 120_000);

  it('switches to English and back, and shows no console errors on any screen', async () => {
    const p = await page();
    await logIn(p, 'lanhdao');
    for (const route of ['overview', 'directives', 'targets', 'tasks', 'reports', 'scorecard']) {
      await p.goto(`${base}/#/${route}`);
      await p.locator('main h1').waitFor();
      await p.waitForLoadState('networkidle');
      await shot(p, `10-viewer-${route}`);
    }
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('link', { name: 'Tasks' }).waitFor();
    await p.getByRole('button', { name: 'Tiếng Việt' }).click();
    await p.setViewportSize({ width: 768, height: 900 });
    await shot(p, '07-narrow');
    await p.context().close();
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
