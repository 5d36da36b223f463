import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, ensureBuilt } from '../support/built.js';

const SAMPLES = join(ROOT, 'samples');
const RESOLUTION = join(SAMPLES, '001_c59187114e89ad75.txt');
let dir: string;

function ro(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, RO_LANG: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ro-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ro extract FILE', () => {
  it('prints the ro.extract/v1 JSON of the directive, with the text every span points into', () => {
    const run = ro(['extract', RESOLUTION]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.schema).toBe('ro.extract/v1');
    expect(result.document.number).toBe('412/NQ-HĐND');
    expect(result.document.date).toBe('2023-12-07');
    const first = result.targets[0];
    expect(result.source.text.slice(first.span[0], first.span[1])).toBe(first.text);
  });

  it('reads a file whose name has spaces, Vietnamese letters and a leading dash', () => {
    const odd = join(dir, '-Kế hoạch số 1 (bản sao).txt');
    copyFileSync(RESOLUTION, odd);
    const run = ro(['extract', '--', odd]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).document.number).toBe('412/NQ-HĐND');
  });
});

describe('ro extract --out DIR FILE...', () => {
  it('writes DIR/<name>.json for each input, creating the folder', () => {
    const out = join(dir, 'out', 'nested');
    const files = readdirSync(SAMPLES).map((name) => join(SAMPLES, name));
    const run = ro(['extract', '--out', out, ...files]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      readdirSync(SAMPLES)
        .map((n) => n.replace(/\.txt$/, '.json'))
        .sort(),
    );
    const written = JSON.parse(readFileSync(join(out, '001_c59187114e89ad75.json'), 'utf8'));
    expect(written.document.number).toBe('412/NQ-HĐND');
    expect(run.stdout).toBe('');
  });

  it('still writes the good files when one input is missing, names the missing one and exits 1', () => {
    const out = join(dir, 'partial');
    const run = ro(['extract', '--out', out, join(dir, 'không-có.txt'), RESOLUTION]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không-có.txt');
    expect(readdirSync(out)).toEqual(['001_c59187114e89ad75.json']);
  });

  it('refuses two inputs that would overwrite the same output file, before writing anything', () => {
    mkdirSync(join(dir, 'other'), { recursive: true });
    const copy = join(dir, 'other', '001_c59187114e89ad75.txt');
    copyFileSync(RESOLUTION, copy);
    const clash = ro(['extract', '--out', join(dir, 'clash'), RESOLUTION, copy]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/would both be written/);
    expect(existsSync(join(dir, 'clash'))).toBe(false);
  });

  it('says so when the output folder is really a file', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const run = ro(['extract', '--out', file, RESOLUTION]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot be used as an output folder');
  });
});

describe('ro extract --format table', () => {
  it('prints a Vietnamese summary with dd/mm/yyyy dates and 1.234,5 numbers', () => {
    const run = ro(['extract', '--format', 'table', RESOLUTION]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nghị quyết Số 412/NQ-HĐND ngày 07/12/2023');
    expect(run.stdout).toMatch(/Chỉ tiêu \(\d+\)/);
    expect(run.stdout).toMatch(/Nhiệm vụ \(\d+\)/);
    expect(run.stdout).toMatch(/\d{1,3}\.\d{3}/);
    expect(run.stdout).toMatch(/\d,\d/);
    expect(run.stdout).toContain('7,5–8');
  });

  it('speaks English with --lang en', () => {
    const run = ro(['extract', '--format', 'table', '--lang', 'en', RESOLUTION]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Resolution No. 412/NQ-HĐND dated 07/12/2023');
    expect(run.stdout).toMatch(/Targets \(\d+\)/);
  });

  it('stops quietly when the reader of its output goes away', () => {
    const pipe = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" extract --format table --all "${SAMPLES}"/*.txt | head -c 100 >/dev/null; echo "status:\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(pipe.stdout.trim()).toBe('status:0');
    expect(pipe.stderr).toBe('');
  });
});

describe('ro with a wrong command line', () => {
  it('prints the usage and exits 2 when no command is given', () => {
    const run = ro([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('ro extract FILE');
  });

  it.each([
    [['extract'], /at least one FILE/],
    [['extract', '--format', 'xml', RESOLUTION], /--format must be "json" or "table"/],
    [['extract', '--lang', 'fr', RESOLUTION], /--lang must be one of vi, en/],
    [['extract', '--max-bytes', '12abc', RESOLUTION], /--max-bytes must be a whole number/],
    [['extract', '--bogus', RESOLUTION], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['extract', RESOLUTION, RESOLUTION], /JSON output takes one file/],
  ])('rejects %j with a message saying what to fix, exit code 2', (args, message) => {
    const run = ro(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('ro --help');
    expect(run.stdout).toBe('');
  });

  it('reports a file over --max-bytes as too large and exits 1', () => {
    const run = ro(['extract', '--max-bytes', '1000', RESOLUTION]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('001_c59187114e89ad75.txt');
    expect(run.stdout).toBe('');
  });

  it('prints its version', () => {
    const run = ro(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ro \d+\.\d+\.\d+\n$/);
  });
});
