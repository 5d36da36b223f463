import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, ensureBuilt } from '../support/built.js';

let dir: string;
const SAMPLE = join(ROOT, 'samples', '001_c59187114e89ad75.txt');

function ro(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ro-cli-db-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ro import and ro migrate', () => {
  it('imports a directive as a draft and says what it found', () => {
    const run = ro(['import', '--db', join(dir, 'a.db'), SAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /#1 412\/NQ-HĐND ← .*: \d+ chỉ tiêu, \d+ kết quả, \d+ nhiệm vụ, \d+ cảnh báo, bản nháp/,
    );
  });

  it('refuses the same number twice, imports the other files and exits 1', () => {
    const db = join(dir, 'b.db');
    ro(['import', '--db', db, '--confirm', SAMPLE]);
    const other = join(ROOT, 'samples', '004_8fe42a3bb146ed08.txt');
    const run = ro(['import', '--db', db, SAMPLE, other]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('đã được nhập và xác nhận');
    expect(run.stdout).toContain('004_8fe42a3bb146ed08.txt');
  });

  it('reports unreadable and missing files by name without stopping', () => {
    const bad = join(dir, 'bad.docx');
    writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    const run = ro(['import', '--db', join(dir, 'c.db'), bad, join(dir, 'missing.txt'), SAMPLE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.docx');
    expect(run.stderr).toContain('missing.txt');
    expect(run.stdout).toContain('412/NQ-HĐND');
  });

  it('creates the database with ro migrate, and again changes nothing', () => {
    const db = join(dir, 'nested', 'd.db');
    expect(ro(['migrate', '--db', db]).code).toBe(0);
    expect(ro(['migrate', '--db', db]).stdout).toContain('sqlite');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    const run = ro(['migrate'], { DATABASE_URL: 'mysql://root@localhost/ro' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL must start with postgres://');
  });

  it('asks for a file when import is given none', () => {
    const run = ro(['import', '--db', join(dir, 'e.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('at least one FILE');
  });
});
