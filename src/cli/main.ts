import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../i18n/format.js';
import { runExtract } from './extract-command.js';
import { EXIT, UsageError, type CliIO } from './io.js';
import {
  readAllStdin,
  runBackup,
  runDemo,
  runExport,
  runRemind,
  runServe,
  runUserAdd,
} from './server-commands.js';
import { runImport, runMigrate } from './store-commands.js';
import { USAGE, VERSION } from './usage.js';

function pickLang(flag: string | undefined, env: CliIO['env']): Lang {
  const wanted = flag ?? (env['RO_LANG'] || undefined);
  if (wanted === undefined) return 'vi';
  if ((LANGS as readonly string[]).includes(wanted)) return wanted as Lang;
  throw new UsageError(`--lang must be one of ${LANGS.join(', ')} (got "${wanted}")`);
}

/** Runs `ro ARGS...` and returns the exit code. Never throws for bad input. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(USAGE);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`ro ${VERSION}\n`);
      return EXIT.ok;
    }
    if (command === 'extract') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: {
          out: { type: 'string', short: 'o' },
          format: { type: 'string', short: 'f' },
          lang: { type: 'string' },
          all: { type: 'boolean' },
          'max-bytes': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      });
      if (values.help) {
        io.stdout(USAGE);
        return EXIT.ok;
      }
      return await runExtract(
        {
          files: positionals,
          out: values.out,
          format: values.format,
          lang: pickLang(values.lang, io.env),
          all: values.all ?? false,
          maxBytes: values['max-bytes'],
        },
        io,
      );
    }
    if (command === 'migrate') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: { db: { type: 'string' } },
      });
      if (positionals.length > 0) throw new UsageError(`migrate takes no file (got "${positionals[0]}")`);
      return await runMigrate(values.db, io);
    }
    if (command === 'import') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string' },
          'replace-draft': { type: 'boolean' },
          confirm: { type: 'boolean' },
        },
      });
      return await runImport(
        {
          files: positionals,
          db: values.db,
          replaceDraft: values['replace-draft'] ?? false,
          confirm: values.confirm ?? false,
        },
        io,
      );
    }
    if (command === 'serve') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string' },
          port: { type: 'string', short: 'p' },
          host: { type: 'string' },
          demo: { type: 'boolean' },
          'remind-at': { type: 'string' },
        },
      });
      if (positionals.length > 0) throw new UsageError(`serve takes no file (got "${positionals[0]}")`);
      return await runServe(
        {
          db: values.db,
          port: values.port,
          host: values.host,
          demo: values.demo ?? false,
          remindAt: values['remind-at'],
        },
        io,
      );
    }
    if (command === 'remind') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string' },
          today: { type: 'string' },
          days: { type: 'string' },
          'dry-run': { type: 'boolean' },
          json: { type: 'boolean' },
        },
      });
      if (positionals.length > 0) throw new UsageError(`remind takes no file (got "${positionals[0]}")`);
      return await runRemind(
        {
          db: values.db,
          today: values.today,
          days: values.days,
          dryRun: values['dry-run'] ?? false,
          json: values.json ?? false,
        },
        io,
      );
    }
    if (command === 'export') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string' },
          period: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string', short: 'o' },
          today: { type: 'string' },
        },
      });
      return await runExport(
        {
          kind: positionals[0],
          period: values.period,
          format: values.format,
          out: values.out,
          today: values.today,
          db: values.db,
        },
        io,
      );
    }
    if (command === 'demo') {
      const { values } = parseArgs({ args: [...rest], strict: true, options: { db: { type: 'string' } } });
      return await runDemo(values.db, io);
    }
    if (command === 'backup') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        allowPositionals: true,
        strict: true,
        options: { db: { type: 'string' } },
      });
      return await runBackup({ file: positionals[0], db: values.db }, io);
    }
    if (command === 'user') {
      const [sub, ...more] = rest;
      if (sub !== 'add')
        throw new UsageError('usage: ro user add USERNAME --role ROLE [--unit NAME|ID] [--password-stdin]');
      const { values, positionals } = parseArgs({
        args: more,
        allowPositionals: true,
        strict: true,
        options: {
          db: { type: 'string' },
          role: { type: 'string' },
          unit: { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
      return await runUserAdd(
        {
          username: positionals[0],
          role: values.role,
          unit: values.unit,
          passwordStdin: values['password-stdin'] ?? false,
          db: values.db,
        },
        io,
        readAllStdin,
      );
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`ro: ${(error as Error).message}\nRun "ro --help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
