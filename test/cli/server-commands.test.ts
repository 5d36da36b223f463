import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt } from '../support/built.js';

let dir: string;
const env = { ...process.env, DATABASE_URL: '', RO_LANG: '' };
function ro(args: readonly string[], input?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env,
    input,
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ro-cli-server-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ro serve --demo', () => {
  it('starts on 127.0.0.1 with the demo loaded, prints the URL and logins, and stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--demo', '--db', join(dir, 'serve.db'), '--port', '0'],
      { cwd: dir, env },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
          if (m && out.includes('sotaichinh-demo')) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      expect(out).toContain('vanphong');
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lanhdao', password: 'lanhdao-demo' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const directives = (await (await fetch(`${url}/api/directives`, { headers: { cookie } })).json()) as {
        total: number;
      };
      expect(directives.total).toBe(5);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(child.exitCode === 0 || child.signalCode === 'SIGTERM').toBe(true);
  }, 60_000);

  it('refuses a port that is not a number', () => {
    const run = ro(['serve', '--port', 'http']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port must be a number');
  });
});

describe('ro demo, ro user add and ro backup', () => {
  it('loads the demo once and refuses to load it over existing data', () => {
    const db = join(dir, 'demo.db');
    const first = ro(['demo', '--db', db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('5 văn bản');
    const again = ro(['demo', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('cơ sở dữ liệu trống');
  }, 60_000);

  it('adds a user with a password from stdin, or prints a generated one', () => {
    const db = join(dir, 'demo.db');
    const fromStdin = ro(
      [
        'user',
        'add',
        'xaphucuong',
        '--role',
        'member',
        '--unit',
        'Xã Phú Cường',
        '--password-stdin',
        '--db',
        db,
      ],
      'mat-khau-rat-dai\n',
    );
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).not.toContain('mat-khau');
    const generated = ro(['user', 'add', 'nguoixem', '--role', 'viewer', '--db', db]);
    expect(generated.stdout).toMatch(/password\): \S{12,}/);
    expect(ro(['user', 'add', 'nguoixem', '--role', 'viewer', '--db', db]).code).toBe(1);
    expect(ro(['user', 'add', 'X Y', '--role', 'viewer', '--db', db]).code).toBe(2);
    expect(ro(['user', 'add', 'abc', '--role', 'king', '--db', db]).stderr).toContain(
      '--role must be one of',
    );
    expect(
      ro(['user', 'add', 'abcd', '--role', 'member', '--unit', 'Sở Không Có', '--db', db]).stderr,
    ).toContain('không có đơn vị');
  }, 60_000);

  it('writes a consistent backup that opens as a database, and never overwrites a file', () => {
    const db = join(dir, 'demo.db');
    const target = join(dir, 'backup.db');
    const run = ro(['backup', target, '--db', db]);
    expect(run.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare('select count(*) as n from directives').get()).toEqual({ n: 5 });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(ro(['backup', target, '--db', db]).code).toBe(1);
  }, 60_000);
});

describe('ro remind', () => {
  it('lists per unit the tasks due by the end of Q2/2026 and the overdue ones, and never repeats a reminder the same day', () => {
    const db = join(dir, 'remind.db');
    expect(ro(['demo', '--db', db]).code).toBe(0);
    const dry = ro(['remind', '--today', '2026-06-25', '--dry-run', '--json', '--db', db]);
    expect(dry.code).toBe(0);
    const result = JSON.parse(dry.stdout) as {
      written: number;
      units: {
        unit: string;
        dueSoon: { deadline: string }[];
        overdue: { deadline: string }[];
        missingReports: unknown[];
      }[];
    };
    expect(result.written).toBe(0);
    const finance = result.units.find((u) => u.unit === 'Sở Tài chính');
    expect(finance).toBeDefined();
    for (const u of result.units) {
      expect(Object.keys(u)).toEqual(
        expect.arrayContaining(['unit', 'dueSoon', 'overdue', 'missingReports']),
      );
      for (const t of u.dueSoon) expect(t.deadline >= '2026-06-25' && t.deadline <= '2026-07-02').toBe(true);
      for (const t of u.overdue) expect(t.deadline < '2026-06-25').toBe(true);
    }
    const due = result.units.flatMap((u) => u.dueSoon.map((t) => t.deadline));
    expect(due).toContain('2026-06-30');
    const first = JSON.parse(ro(['remind', '--today', '2026-06-25', '--json', '--db', db]).stdout);
    expect(first.written).toBeGreaterThan(0);
    const second = JSON.parse(ro(['remind', '--today', '2026-06-25', '--json', '--db', db]).stdout);
    expect(second.written).toBe(0);
    expect(second.units).toEqual(first.units);
  }, 60_000);

  it('refuses a badly written day', () => {
    const run = ro(['remind', '--today', '25/06/2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--today must be a real day');
    expect(ro(['remind', '--today', '2026-02-30']).code).toBe(2);
  });
});
