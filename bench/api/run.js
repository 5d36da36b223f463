// Load benchmark of the HTTP API at provincial scale, on loopback, with autocannon:
// ~150 units, 2 000 tasks, 200 indicators × 104 communes × 20 quarters of observations.
//   node bench/api/run.js [--duration S] [--connections N] [--json] [--save-baseline]
// SQLite by default (a temp file); set DATABASE_URL=postgres://... to measure PostgreSQL.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(join(root, 'dist/http/server.js'))) {
  console.error('bench: dist/ is missing; run "npm run build" first.');
  process.exit(1);
}
const { openStore, migrate } = await import(join(root, 'dist/store/db.js'));
const { createUser } = await import(join(root, 'dist/app/auth.js'));
const { fold } = await import(join(root, 'dist/domain/fold.js'));

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    'save-baseline': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const NOW = '2026-06-10T08:00:00.000Z';

const dir = mkdtempSync(join(tmpdir(), 'ro-bench-api-'));
const store = openStore({ databaseUrl: process.env.DATABASE_URL || undefined, file: join(dir, 'bench.db') });
const dialect = store.dialect;
await migrate(store);

/** Deterministic pseudo-random numbers, so every run measures the same data. */
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;

async function insertMany(table, rows, db = store.db) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500))
      .execute();
}

const seedStarted = performance.now();
const unitRows = [
  {
    name: 'Ủy ban nhân dân tỉnh',
    name_folded: 'uy ban nhan dan tinh',
    aliases: '[]',
    kind: 'province',
    parent_id: null,
    created_at: NOW,
  },
];
for (let i = 1; i <= 45; i++)
  unitRows.push({
    name: `Sở ngành số ${i}`,
    name_folded: `so nganh so ${i}`,
    aliases: '[]',
    kind: 'department',
    parent_id: 1,
    created_at: NOW,
  });
for (let i = 1; i <= 104; i++)
  unitRows.push({
    name: `Xã số ${i}`,
    name_folded: `xa so ${i}`,
    aliases: '[]',
    kind: 'commune',
    parent_id: 1,
    created_at: NOW,
  });
await store.db.transaction().execute(async (trx) => insertMany('units', unitRows, trx));
const units = await store.db.selectFrom('units').select(['id', 'kind']).execute();
const departments = units.filter((u) => u.kind === 'department').map((u) => u.id);
const communes = units.filter((u) => u.kind === 'commune').map((u) => u.id);
await createUser(
  store,
  { username: 'bench', password: 'bench-password', role: 'office', unitId: null },
  null,
  NOW,
);

const directiveIds = [];
for (let d = 0; d < 10; d++) {
  const row = await store.db
    .insertInto('directives')
    .values({
      number: `${100 + d}/KH-UBND`,
      number_key: `${100 + d}khubnd`,
      type: 'ke_hoach',
      issuer: 'UBND tỉnh',
      issued_on: `2025-0${(d % 9) + 1}-15`,
      title: `Kế hoạch số ${d}`,
      signer: null,
      status: 'confirmed',
      file_name: `kh-${d}.txt`,
      file_type: 'txt',
      file_data: Buffer.from('x'),
      source_text: 'x',
      warnings: '[]',
      created_by: null,
      created_at: NOW,
      confirmed_at: NOW,
      version: 1,
      search_folded: `ke hoach so ${d}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  directiveIds.push(row.id);
}
const day = (offset) => new Date(Date.parse('2026-06-10') + offset * 86_400_000).toISOString().slice(0, 10);
const taskRows = [];
for (let i = 0; i < 2000; i++) {
  const deadline = random() < 0.1 ? null : day(Math.floor(random() * 900) - 500);
  const done = deadline !== null && random() < 0.4;
  const text = `Nhiệm vụ số ${i}: triển khai giải pháp phát triển kinh tế - xã hội, cải cách hành chính và chuyển đổi số`;
  taskRows.push({
    directive_id: directiveIds[i % 10],
    section: `${i % 40}.${i % 7}`,
    text,
    lead_text: null,
    lead_unit_id: departments[i % departments.length],
    deadline,
    deadline_text: null,
    claim: 'none',
    claimed_at: null,
    completed_at: done ? day(Math.floor(random() * 60) - 530) : null,
    progress: done ? 100 : Math.floor(random() * 90),
    note: null,
    span_start: null,
    span_end: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
    search_folded: fold(text),
  });
}
await store.db.transaction().execute(async (trx) => insertMany('tasks', taskRows, trx));

const indicatorRows = Array.from({ length: 200 }, (_, i) => ({
  name: `Chỉ tiêu số ${i}`,
  name_folded: `chi tieu so ${i}`,
  unit: '%',
  direction: 'higher',
  category: 'Kinh tế',
  created_at: NOW,
}));
await insertMany('indicators', indicatorRows);
const indicators = (await store.db.selectFrom('indicators').select('id').execute()).map((r) => r.id);
const quarters = [];
for (let y = 2022; y <= 2026; y++) for (let q = 1; q <= 4; q++) quarters.push(`${y}-Q${q}`);
const quantity = (indicatorId, kind, period, value, scopeUnitId) => ({
  directive_id: null,
  kind,
  indicator_id: indicatorId,
  indicator_text: 'chỉ tiêu',
  op: 'eq',
  lo: value,
  hi: value,
  raw: String(value).replace('.', ','),
  unit: '%',
  period,
  scope: null,
  text: `${value}%`,
  span_start: null,
  span_end: null,
  adjusts_id: null,
  created_at: NOW,
  version: 1,
  scope_unit_id: scopeUnitId,
});
let observations = 0;
await store.db.transaction().execute(async (trx) => {
  for (const indicatorId of indicators) {
    const rows = [];
    for (const period of quarters) {
      rows.push(
        quantity(indicatorId, 'target', period, 10, null),
        quantity(indicatorId, 'result', period, Math.round(random() * 1000) / 100, null),
      );
      for (const unitId of communes)
        rows.push(quantity(indicatorId, 'result', period, Math.round(random() * 1000) / 100, unitId));
    }
    observations += rows.length;
    await insertMany('quantities', rows, trx);
  }
});
const seedSeconds = (performance.now() - seedStarted) / 1000;

// The server runs in its own process, as in production, so the load generator does not share its CPU time.
await store.close();
const server = spawn(
  process.execPath,
  [join(root, 'bin/ro.js'), 'serve', '--db', join(dir, 'bench.db'), '--port', '0'],
  {
    env: { ...process.env, RO_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
});
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
});
const cookie = login.headers.get('set-cookie').split(';')[0];
const { csrfToken } = await login.json();

// A write is visible to the very next read: no batch step between them.
const task = (await (await fetch(`${base}/api/tasks?limit=1`, { headers: { cookie } })).json()).items[0];
await fetch(`${base}/api/tasks/${task.id}`, {
  method: 'PATCH',
  headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
  body: JSON.stringify({ progress: 77 }),
});
const reread = await (await fetch(`${base}/api/tasks/${task.id}`, { headers: { cookie } })).json();
const writeVisible = reread.progress === 77;

const targets = [
  { name: 'task list (50, newest deadlines)', path: '/api/tasks?limit=50' },
  { name: 'overdue list (50)', path: '/api/tasks?status=overdue&limit=50' },
  { name: 'overdue of one unit', path: `/api/tasks?status=overdue&unit=${departments[3]}&limit=50` },
  { name: 'indicator series (province)', path: `/api/indicators/${indicators[17]}/series` },
  {
    name: 'indicator series (one commune)',
    path: `/api/indicators/${indicators[17]}/series?scopeUnitId=${communes[50]}`,
  },
];
const results = [];
for (const t of targets) {
  const r = await autocannon({ url: `${base}${t.path}`, connections, duration, headers: { cookie } });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${t.name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  results.push({
    name: t.name,
    path: t.path,
    reqPerS: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
  });
}
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
if (process.env.BENCH_KEEP_DB) console.error(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });

const figures = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  dialect,
  connections,
  duration,
  data: {
    units: units.length,
    tasks: taskRows.length,
    indicators: indicators.length,
    quantities: observations,
  },
  seedSeconds,
  writeVisible,
  results,
};
const baselinePath = join(root, 'bench/api/baseline.json');
const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : null;
if (values.json) console.log(JSON.stringify(figures));
else {
  console.log(
    `API benchmark — ${figures.dialect}, ${figures.node}, ${figures.cpu} ×${figures.cores}, ${connections} connections × ${duration} s`,
  );
  console.log(
    `data: ${units.length} units, ${taskRows.length} tasks, ${indicators.length} indicators, ${observations} targets/observations (seeded in ${seedSeconds.toFixed(1)} s); write visible to the next read: ${writeVisible ? 'yes' : 'NO'}`,
  );
  for (const r of results) {
    const then = baseline?.results?.find((b) => b.name === r.name);
    const vs = then
      ? ` (${(((r.reqPerS - then.reqPerS) / then.reqPerS) * 100).toFixed(1)}% req/s vs baseline)`
      : '';
    const aim = r.reqPerS >= 1500 && r.p99 < 50 ? 'meets' : 'MISSES';
    console.log(
      `${r.name.padEnd(34)} ${r.reqPerS.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(3)} ms  ${aim} the aim (≥1500 req/s, p99 < 50 ms)${vs}`,
    );
  }
}
if (values['save-baseline']) writeFileSync(baselinePath, JSON.stringify(figures, null, 2) + '\n');
if (!writeVisible) process.exit(1);
