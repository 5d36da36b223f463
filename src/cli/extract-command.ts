import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { extract } from '../extract/index.js';
import type { Lang } from '../i18n/format.js';
import { readDocument } from '../read/index.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import { MESSAGES } from './messages.js';
import { renderSummary } from './summary.js';

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const TABLE_ROWS = 25;

const optionsSchema = z.object({
  files: z
    .array(z.string().min(1, 'an empty file name was given'))
    .min(1, 'name at least one FILE to extract'),
  out: z.string().min(1, '--out needs a directory').optional(),
  format: z
    .string()
    .default('json')
    .pipe(z.enum(['json', 'table'], { errorMap: () => ({ message: '--format must be "json" or "table"' }) })),
  lang: z.enum(['vi', 'en']),
  all: z.boolean(),
  maxBytes: z
    .string()
    .regex(/^\d{1,12}$/, '--max-bytes must be a whole number of bytes, e.g. 10485760')
    .transform(Number)
    .refine((n) => n > 0, '--max-bytes must be more than 0')
    .optional(),
});

export type ExtractCommandInput = z.input<typeof optionsSchema>;

function outputName(file: string): string {
  const name = basename(file);
  const ext = extname(name);
  return `${ext ? name.slice(0, -ext.length) : name}.json`;
}

/** `ro extract`: read each file, extract it, and print or write the results. */
export async function runExtract(input: ExtractCommandInput, io: CliIO): Promise<number> {
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const opts = parsed.data;
  const lang: Lang = opts.lang;

  if (opts.format === 'json' && !opts.out && opts.files.length > 1) {
    throw new UsageError(
      `${opts.files.length} files were given: JSON output takes one file, or use --out DIR to write one JSON file each, or --format table`,
    );
  }
  if (opts.out) {
    const seen = new Map<string, string>();
    for (const file of opts.files) {
      const name = outputName(file);
      const earlier = seen.get(name);
      if (earlier !== undefined && resolve(earlier) !== resolve(file)) {
        throw new UsageError(
          `"${earlier}" and "${file}" would both be written to ${join(opts.out, name)}; rename one`,
        );
      }
      seen.set(name, file);
    }
    try {
      await mkdir(opts.out, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(
        `--out "${opts.out}" cannot be used as an output folder (${code}); give a folder path you can write to`,
      );
    }
  }

  let failures = 0;
  for (const file of opts.files) {
    const read = await readDocument(file, { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES });
    if (!read.ok) {
      io.stderr(`ro: ${read.error.message}\n`);
      failures += 1;
      continue;
    }
    const result = extract(read.text);
    if (opts.out) {
      const target = join(opts.out, outputName(file));
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(result, null, 2) + '\n', 'utf8');
      await rename(temporary, target);
      if (opts.format === 'json') io.stderr(MESSAGES[lang].wrote(target) + '\n');
    }
    if (opts.format === 'table') {
      io.stdout(renderSummary(file, result, { lang, maxRows: opts.all ? Infinity : TABLE_ROWS }) + '\n');
    } else if (!opts.out) {
      io.stdout(JSON.stringify(result, null, 2) + '\n');
    }
  }
  return failures > 0 ? EXIT.failed : EXIT.ok;
}
