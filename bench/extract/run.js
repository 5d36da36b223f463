// Benchmark of the extractor: milliseconds per document and MB/s on the sample directives,
// plus a 10× concatenation to show that time grows linearly with length.
//   node bench/extract/run.js [--rounds N] [--json] [--save-baseline] [FILE...]
// Compares with bench/extract/baseline.json when it exists.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { cpus } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = join(root, 'dist/extract/index.js');
if (!existsSync(entry)) {
  console.error('bench: dist/ is missing; run "npm run build" first (or "npm run bench", which builds).');
  process.exit(1);
}
const { extract } = await import(entry);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    'save-baseline': { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('bench: --rounds must be a whole number above 0');
  process.exit(2);
}

const sampleDir = join(root, 'samples');
const files = positionals.length
  ? positionals
  : readdirSync(sampleDir)
      .filter((n) => n.endsWith('.txt'))
      .map((n) => join(sampleDir, n));
const docs = files.map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
docs.push({
  name: 'all samples ×10 (one text)',
  text: docs
    .map((d) => d.text)
    .join('\n\n')
    .repeat(10),
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

for (const doc of docs) extract(doc.text); // warm-up

const rows = docs.map((doc) => {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    extract(doc.text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const bytes = Buffer.byteLength(doc.text);
  const ms = median(times);
  return {
    name: doc.name,
    chars: doc.text.length,
    bytes,
    medianMs: ms,
    p95Ms: p95(times),
    mbPerS: bytes / 1e6 / (ms / 1000),
  };
});

const corpus = rows.slice(0, -1);
const totalBytes = corpus.reduce((s, r) => s + r.bytes, 0);
const totalMs = corpus.reduce((s, r) => s + r.medianMs, 0);
const figures = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  rounds,
  documents: rows,
  totals: {
    msPerDocument: totalMs / corpus.length,
    documentsPerS: corpus.length / (totalMs / 1000),
    mbPerS: totalBytes / 1e6 / (totalMs / 1000),
  },
};

const baselinePath = join(root, 'bench/extract/baseline.json');
const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : null;
const change = (now, then) =>
  then ? ` (${now >= then ? '+' : ''}${(((now - then) / then) * 100).toFixed(1)}% vs baseline)` : '';

if (values.json) {
  console.log(JSON.stringify(figures));
} else {
  console.log(`extract benchmark — ${figures.node}, ${figures.cpu}, median of ${rounds} rounds`);
  console.log(
    [
      'document'.padEnd(28),
      'chars'.padStart(10),
      'median ms'.padStart(10),
      'p95 ms'.padStart(9),
      'MB/s'.padStart(7),
    ].join(' '),
  );
  for (const r of rows) {
    const then = baseline?.documents?.find((d) => d.name === r.name)?.medianMs;
    console.log(
      [
        r.name.padEnd(28),
        String(r.chars).padStart(10),
        r.medianMs.toFixed(2).padStart(10),
        r.p95Ms.toFixed(2).padStart(9),
        r.mbPerS.toFixed(1).padStart(7),
      ].join(' ') + change(r.medianMs, then),
    );
  }
  const t = figures.totals;
  console.log(
    `samples: ${t.msPerDocument.toFixed(2)} ms/document${change(t.msPerDocument, baseline?.totals?.msPerDocument)}, ` +
      `${t.documentsPerS.toFixed(0)} documents/s, ${t.mbPerS.toFixed(1)} MB/s${change(t.mbPerS, baseline?.totals?.mbPerS)}`,
  );
}
if (values['save-baseline']) {
  writeFileSync(baselinePath, JSON.stringify(figures, null, 2) + '\n');
  console.log(`saved ${baselinePath}`);
}
