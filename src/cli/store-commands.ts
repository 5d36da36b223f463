import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { AppError } from '../app/errors.js';
import { confirmDirective, importDirective } from '../app/import-directive.js';
import { DEFAULT_MAX_BYTES } from '../read/index.js';
import { DEFAULT_DB_FILE, migrate, openStore, type Store } from '../store/db.js';
import { EXIT, UsageError, type CliIO } from './io.js';

const dbOptions = z.object({
  db: z.string().min(1, '--db needs a file path').optional(),
});

/** The database the command works on: DATABASE_URL (PostgreSQL) wins, else --db or ./data/ro.db. */
export async function withStore<T>(
  db: string | undefined,
  io: CliIO,
  run: (store: Store) => Promise<T>,
): Promise<T> {
  const parsed = dbOptions.safeParse({ db });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const url = io.env['DATABASE_URL'] || undefined;
  if (url && !/^postgres(?:ql)?:\/\//.test(url)) {
    throw new UsageError('DATABASE_URL must start with postgres:// (or leave it unset to use SQLite)');
  }
  const store = openStore({ databaseUrl: url, file: parsed.data.db ?? DEFAULT_DB_FILE });
  try {
    await migrate(store);
    return await run(store);
  } finally {
    await store.close();
  }
}

export async function runMigrate(db: string | undefined, io: CliIO): Promise<number> {
  await withStore(db, io, async (store) => {
    io.stdout(`Cơ sở dữ liệu đã cập nhật: ${store.location} (${store.dialect}). (Database is up to date.)\n`);
  });
  return EXIT.ok;
}

export interface ImportArgs {
  readonly files: readonly string[];
  readonly db: string | undefined;
  readonly replaceDraft: boolean;
  readonly confirm: boolean;
}

/** `ro import FILE...`: each file becomes a draft directive (or a confirmed one with --confirm). */
export async function runImport(args: ImportArgs, io: CliIO): Promise<number> {
  if (args.files.length === 0) throw new UsageError('name at least one FILE to import');
  let failures = 0;
  await withStore(args.db, io, async (store) => {
    for (const file of args.files) {
      let bytes: Buffer;
      try {
        const info = await stat(file);
        if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
        if (info.size > DEFAULT_MAX_BYTES) {
          io.stderr(`ro: ${file}: tệp quá lớn (tối đa 50 MB). (The file is over the size limit.)\n`);
          failures++;
          continue;
        }
        bytes = await readFile(file);
      } catch (error) {
        io.stderr(
          `ro: ${file}: không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? 'error'}). (Cannot read the file.)\n`,
        );
        failures++;
        continue;
      }
      try {
        const now = new Date().toISOString();
        const summary = await importDirective(store, {
          fileName: basename(file),
          bytes,
          userId: null,
          now,
          replaceDraft: args.replaceDraft,
        });
        if (args.confirm) await confirmDirective(store, summary.directiveId, null, now);
        io.stdout(
          `#${summary.directiveId} ${summary.number ?? '(không số)'} ← ${file}: ${summary.targets} chỉ tiêu, ${summary.results} kết quả, ` +
            `${summary.tasks} nhiệm vụ, ${summary.warnings} cảnh báo${args.confirm ? ', đã xác nhận' : ', bản nháp'}\n`,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        io.stderr(`ro: ${file}: ${error.message}\n`);
        failures++;
      }
    }
  });
  return failures > 0 ? EXIT.failed : EXIT.ok;
}
