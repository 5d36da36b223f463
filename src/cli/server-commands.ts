import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { z } from 'zod';
import { createUser, ROLES } from '../app/auth.js';
import { DEMO_USERS, loadDemo } from '../app/demo.js';
import { AppError } from '../app/errors.js';
import { remind } from '../app/followup.js';
import { mailSettingsFromEnv } from '../app/mailer.js';
import { isIsoDay } from '../domain/calendar.js';
import { isPeriodKey } from '../domain/period.js';
import { checkExport, writeExport } from '../app/exports/index.js';
import { listUnits } from '../app/units.js';
import { fold } from '../domain/fold.js';
import { buildServer } from '../http/server.js';
import type { Store } from '../store/db.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { withStore } from './store-commands.js';
import { VERSION } from './usage.js';
import { daily } from './schedule.js';

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

function sampleFiles() {
  return readdirSync(SAMPLES)
    .filter((n) => /\.(txt|md|docx|pdf)$/.test(n))
    .sort()
    .map((fileName) => ({ fileName, bytes: readFileSync(join(SAMPLES, fileName)) }));
}

async function isEmpty(store: Store): Promise<boolean> {
  const rows = await store.db.selectFrom('units').select('id').limit(1).execute();
  const directives = await store.db.selectFrom('directives').select('id').limit(1).execute();
  return rows.length === 0 && directives.length === 0;
}

function printLogins(io: CliIO): void {
  io.stdout('Tài khoản mẫu (demo logins):\n');
  for (const u of DEMO_USERS)
    io.stdout(
      `  ${u.username.padEnd(11)} / ${u.password.padEnd(16)} ${u.role}${u.unit ? ` — ${u.unit}` : ''}\n`,
    );
}

export async function runDemo(db: string | undefined, io: CliIO): Promise<number> {
  return withStore(db, io, async (store) => {
    try {
      const loaded = await loadDemo(store, sampleFiles(), new Date().toISOString());
      io.stdout(
        `Đã nạp dữ liệu mẫu vào ${store.location}: ${loaded.units} đơn vị, ${loaded.directives} văn bản, ${loaded.users} tài khoản. (Demo loaded.)\n`,
      );
      printLogins(io);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AppError) {
        io.stderr(`ro: ${error.message}\n`);
        return EXIT.failed;
      }
      throw error;
    }
  });
}

const serveOptions = z.object({
  port: z
    .string()
    .regex(/^\d{1,5}$/, '--port must be a number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65535, '--port must be a number from 0 to 65535')
    .default('8080'),
  host: z.string().min(1).default('127.0.0.1'),
});

export async function runServe(
  args: {
    db: string | undefined;
    port: string | undefined;
    host: string | undefined;
    demo: boolean;
    remindAt?: string | undefined;
  },
  io: CliIO,
): Promise<number> {
  if (args.remindAt !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(args.remindAt)) {
    throw new UsageError('--remind-at must be a time of day HH:MM, e.g. 07:00');
  }
  const parsed = serveOptions.safeParse({ port: args.port, host: args.host });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const { port, host } = parsed.data;
  return withStore(args.db, io, async (store) => {
    if (args.demo && (await isEmpty(store))) {
      const loaded = await loadDemo(store, sampleFiles(), new Date().toISOString());
      io.stdout(
        `Đã nạp dữ liệu mẫu: ${loaded.units} đơn vị, ${loaded.directives} văn bản. (Demo data loaded.)\n`,
      );
    }
    const app = await buildServer({ store, version: VERSION });
    const address = await app.listen({ port, host });
    io.stdout(
      `Rõ đang chạy tại ${address} (${store.dialect}: ${store.location}). Dừng bằng Ctrl+C. (Rõ is running.)\n`,
    );
    if (args.demo) printLogins(io);
    // Daily follow-up, as `ro remind` would run from cron.
    const stopReminders = args.remindAt
      ? daily(args.remindAt, async () => {
          const today = new Date().toISOString().slice(0, 10);
          const result = await remind(store, {
            today,
            dueSoonDays: 7,
            dryRun: false,
            mail: mailSettingsFromEnv(io.env),
          }).catch((error: unknown) => {
            io.stderr(`ro: đôn đốc thất bại (reminders failed): ${(error as Error).message}\n`);
            return null;
          });
          if (result) io.stdout(`Đôn đốc ${today}: ${result.written} thông báo, ${result.emailed} thư.\n`);
        })
      : () => undefined;
    if (args.remindAt)
      io.stdout(`Đôn đốc tự động lúc ${args.remindAt} hằng ngày. (Daily reminders scheduled.)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        stopReminders();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void app.close().then(() => done());
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  });
}

const userOptions = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'USERNAME: 3–40 of a-z 0-9 . _ -'),
  role: z.enum(ROLES as ['admin', 'office', 'member', 'viewer'], {
    errorMap: () => ({ message: `--role must be one of ${ROLES.join(', ')}` }),
  }),
  unit: z.string().min(1).optional(),
});

/** `ro user add USERNAME --role ROLE [--unit NAME|ID] [--password-stdin]`; prints a generated password otherwise. */
export async function runUserAdd(
  args: {
    username: string | undefined;
    role: string | undefined;
    unit: string | undefined;
    passwordStdin: boolean;
    db: string | undefined;
  },
  io: CliIO,
  readStdin: () => Promise<string>,
): Promise<number> {
  const parsed = userOptions.safeParse(args);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const password = args.passwordStdin
    ? ((await readStdin()).split(/\r?\n/)[0] ?? '')
    : randomBytes(12).toString('base64url');
  return withStore(args.db, io, async (store) => {
    let unitId: number | null = null;
    if (parsed.data.unit) {
      const units = await listUnits(store);
      const wanted = parsed.data.unit;
      const match = /^\d+$/.test(wanted)
        ? units.find((u) => u.id === Number(wanted))
        : units.find((u) => fold(u.name) === fold(wanted));
      if (!match) {
        io.stderr(`ro: không có đơn vị "${wanted}". (No such unit; see GET /api/units.)\n`);
        return EXIT.failed;
      }
      unitId = match.id;
    }
    try {
      const user = await createUser(
        store,
        { username: parsed.data.username, password, role: parsed.data.role, unitId },
        null,
        new Date().toISOString(),
      );
      io.stdout(
        `Đã tạo tài khoản ${user.username} (${user.role}).${args.passwordStdin ? '' : ` Mật khẩu (password): ${password}`}\n`,
      );
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AppError) {
        io.stderr(`ro: ${error.message}\n`);
        return EXIT.failed;
      }
      throw error;
    }
  });
}

/** `ro backup FILE`: a consistent copy while the server runs (SQLite VACUUM INTO; pg_dump for PostgreSQL). */
export async function runBackup(
  args: { file: string | undefined; db: string | undefined },
  io: CliIO,
): Promise<number> {
  if (!args.file) throw new UsageError('name the FILE to write the backup to');
  const target = resolve(args.file);
  if (existsSync(target)) {
    io.stderr(`ro: ${target} đã có; hãy chọn tên tệp khác. (The file exists; choose another name.)\n`);
    return EXIT.failed;
  }
  return withStore(args.db, io, async (store) => {
    if (store.dialect === 'sqlite') {
      await sql`VACUUM INTO ${target}`.execute(store.db);
    } else {
      const url = io.env['DATABASE_URL'] ?? '';
      await new Promise<void>((done, fail) =>
        execFile(
          'pg_dump',
          ['--format=custom', '--file', target, url],
          { timeout: 30 * 60_000 },
          (error, _out, stderr) => {
            if (!error) return done();
            fail(
              new AppError(
                'invalid',
                (error as NodeJS.ErrnoException).code === 'ENOENT'
                  ? 'Cần pg_dump: apt-get install postgresql-client. (pg_dump is needed.)'
                  : `pg_dump thất bại: ${stderr.trim().split('\n')[0]}`,
              ),
            );
          },
        ),
      ).catch((error: unknown) => {
        if (error instanceof AppError) {
          io.stderr(`ro: ${error.message}\n`);
          throw Object.assign(new Error('reported'), { reported: true });
        }
        throw error;
      });
    }
    io.stdout(`Đã sao lưu vào ${target}. (Backup written.)\n`);
    return EXIT.ok;
  }).catch((error: unknown) => {
    if ((error as { reported?: boolean }).reported) return EXIT.failed;
    throw error;
  });
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const remindOptions = z.object({
  today: z
    .string()
    .refine(
      (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isIsoDay(d),
      '--today must be a real day written YYYY-MM-DD, e.g. 2026-06-25',
    )
    .optional(),
  days: z
    .string()
    .regex(/^\d{1,3}$/, '--days must be a whole number of days from 0 to 365')
    .transform(Number)
    .refine((n) => n <= 365, '--days must be a whole number of days from 0 to 365')
    .default('7'),
});

/** `ro remind`: per unit, tasks due soon, overdue tasks and missing reports; writes notifications unless --dry-run. */
export async function runRemind(
  args: {
    db: string | undefined;
    today: string | undefined;
    days: string | undefined;
    dryRun: boolean;
    json: boolean;
  },
  io: CliIO,
): Promise<number> {
  const parsed = remindOptions.safeParse({ today: args.today, days: args.days });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const today = parsed.data.today ?? new Date().toISOString().slice(0, 10);
  return withStore(args.db, io, async (store) => {
    const result = await remind(store, {
      today,
      dueSoonDays: parsed.data.days,
      dryRun: args.dryRun,
      mail: mailSettingsFromEnv(io.env),
    });
    if (args.json) {
      io.stdout(JSON.stringify(result) + '\n');
      return EXIT.ok;
    }
    io.stdout(
      `Đôn đốc ngày ${today.split('-').reverse().join('/')} (tasks due within ${parsed.data.days} days):\n`,
    );
    for (const u of result.units) {
      io.stdout(
        `\n${u.unit}: ${u.dueSoon.length} sắp đến hạn, ${u.overdue.length} quá hạn, ${u.missingReports.length} báo cáo chưa nộp\n`,
      );
      for (const t of u.dueSoon)
        io.stdout(`  - sắp đến hạn ${t.deadline?.split('-').reverse().join('/')}: ${t.text.slice(0, 100)}\n`);
      for (const t of u.overdue)
        io.stdout(`  - quá hạn từ ${t.deadline?.split('-').reverse().join('/')}: ${t.text.slice(0, 100)}\n`);
      for (const r of u.missingReports)
        io.stdout(
          `  - chưa nộp "${r.regime}" kỳ ${r.period} (hạn ${r.due.split('-').reverse().join('/')})\n`,
        );
    }
    io.stdout(
      args.dryRun
        ? '\n(--dry-run: không ghi thông báo nào / nothing written)\n'
        : `\nĐã ghi ${result.written} thông báo mới, gửi ${result.emailed} thư (new notifications, emails sent).\n`,
    );
    for (const f of result.emailFailures) io.stderr(`ro: không gửi được thư (email failed) — ${f}\n`);
    return EXIT.ok;
  });
}

const exportOptions = z.object({
  kind: z.enum(['targets', 'tasks', 'scorecard', 'report'], {
    errorMap: () => ({ message: 'what to export: targets, tasks, scorecard or report' }),
  }),
  period: z
    .string()
    .refine((p) => isPeriodKey(p), '--period must be a period: YYYY, YYYY-Qn, YYYY-Hn or YYYY-MM'),
  format: z.enum(['xlsx', 'docx'], { errorMap: () => ({ message: '--format must be xlsx or docx' }) }),
  out: z.string().min(1, '--out FILE is required'),
  today: z
    .string()
    .refine(
      (d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isIsoDay(d),
      '--today must be a real day written YYYY-MM-DD',
    )
    .optional(),
});

/** `ro export targets|tasks|scorecard|report --period P --format xlsx|docx --out FILE`. */
export async function runExport(
  args: {
    kind: string | undefined;
    period: string | undefined;
    format: string | undefined;
    out: string | undefined;
    today: string | undefined;
    db: string | undefined;
  },
  io: CliIO,
): Promise<number> {
  const parsed = exportOptions.safeParse(args);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const { kind, period, format, out } = parsed.data;
  try {
    checkExport(kind, format);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(error.message);
    throw error;
  }
  const today = parsed.data.today ?? new Date().toISOString().slice(0, 10);
  return withStore(args.db, io, async (store) => {
    const temporary = `${resolve(out)}.${process.pid}.tmp`;
    const stream = createWriteStream(temporary);
    try {
      await writeExport(store, { kind, format, period, today }, stream);
      await new Promise<void>((done, fail) =>
        stream.writableFinished ? done() : stream.once('finish', done).once('error', fail),
      );
      renameSync(temporary, resolve(out));
    } catch (error) {
      stream.destroy();
      rmSync(temporary, { force: true });
      throw error;
    }
    io.stdout(`Đã xuất ${resolve(out)}. (Exported.)\n`);
    return EXIT.ok;
  });
}
