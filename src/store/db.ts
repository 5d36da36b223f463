import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import * as initial from './migrations/001-initial.js';
import * as searchAndScope from './migrations/002-search-and-scope.js';
import * as taskOrder from './migrations/003-task-order.js';
import * as reporting from './migrations/004-reporting.js';
import * as mailAndExplanations from './migrations/005-mail-and-explanations.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without password. */
  readonly location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** `postgres://...` selects PostgreSQL; otherwise `file` is the SQLite database. */
  readonly databaseUrl?: string | undefined;
  readonly file?: string;
}

export const DEFAULT_DB_FILE = './data/ro.db';

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Opens the database (SQLite by default, PostgreSQL for a postgres:// URL). Run `migrate` next. */
export function openStore(options: OpenOptions = {}): Store {
  const url = options.databaseUrl;
  if (url && /^postgres(?:ql)?:\/\//.test(url)) {
    // Counts and sums come back as numbers, not strings.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', location: redact(url), close: () => db.destroy() };
  }
  const file = options.file ?? DEFAULT_DB_FILE;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001-initial': {
      up: async (db) => {
        await initial.up(db, dialect);
        await initial.protectAuditLog(db, dialect);
      },
    },
    '002-search-and-scope': { up: (db) => searchAndScope.up(db) },
    '003-task-order': { up: (db) => taskOrder.up(db) },
    '004-reporting': { up: (db) => reporting.up(db, dialect) },
    '005-mail-and-explanations': { up: (db) => mailAndExplanations.up(db, dialect) },
  };
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrate(store: Store): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(store.dialect) };
  const migrator = new Migrator({ db: store.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
