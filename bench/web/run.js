// How fast the leader's first page opens: the overview of the demo data, cold (new browser
// context, empty cache) on localhost, in Debian's Chromium; and how much JavaScript it ships.
//   node bench/web/run.js [--runs N]     (after npm run build)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(join(root, 'dist/web/index.html'))) {
  console.error('bench: dist/web is missing; run "npm run build" first.');
  process.exit(1);
}
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const { openStore, migrate } = await import(join(root, 'dist/store/db.js'));
const { loadDemo } = await import(join(root, 'dist/app/demo.js'));
const { buildServer } = await import(join(root, 'dist/http/server.js'));

const dir = mkdtempSync(join(tmpdir(), 'ro-bench-web-'));
const store = openStore({ file: join(dir, 'ro.db') });
await migrate(store);
const samples = join(root, 'samples');
await loadDemo(
  store,
  readdirSync(samples)
    .sort()
    .map((fileName) => ({ fileName, bytes: readFileSync(join(samples, fileName)) })),
  new Date().toISOString(),
);
const app = await buildServer({ store });
const base = await app.listen({ host: '127.0.0.1', port: 0 });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
// Log in once to get a session cookie; each measured run is a fresh context with that cookie only.
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'lanhdao', password: 'lanhdao-demo' }),
});
const session = login.headers.get('set-cookie').split(';')[0].split('=');
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  await context.addCookies([{ name: session[0], value: session[1], url: base }]);
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${base}/#/overview`);
  await page.locator('table.watch').waitFor();
  const rendered = Date.now() - started;
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
  });
  times.push({ rendered, ...nav });
  await context.close();
}
await browser.close();
await app.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const assets = join(root, 'dist/web/assets');
const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
const gz = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`web benchmark — overview of the demo data, cold, ${runs} runs, Chromium headless on localhost`);
console.log(
  `rendered with data: median ${median(times.map((t) => t.rendered))} ms (max ${Math.max(...times.map((t) => t.rendered))} ms; aim < 1000 ms)`,
);
console.log(
  `DOMContentLoaded: median ${median(times.map((t) => Math.round(t.domContentLoaded)))} ms; load: median ${median(times.map((t) => Math.round(t.load)))} ms`,
);
console.log(
  `JavaScript shipped: ${(gz / 1024).toFixed(1)} KB gzipped in ${js.length} file(s) (aim < 400 KB)`,
);
