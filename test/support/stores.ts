import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { migrate, openStore, type Store } from '../../src/store/db.js';
import { runPostgres, startCluster, type Cluster } from './postgres.js';

/**
 * Runs the same suite against SQLite (a temp file) and PostgreSQL (a throwaway cluster).
 * `fresh()` gives each test its own empty, migrated database.
 */
export function describeStores(name: string, suite: (fresh: () => Promise<Store>) => void): void {
  describe.each([
    ['SQLite', 'sqlite'],
    ['PostgreSQL', 'postgres'],
  ] as const)(`${name} (%s)`, (_label, dialect) => {
    if (dialect === 'postgres' && !runPostgres) {
      describe.skip('PostgreSQL binaries are missing (apt-get install postgresql)', () => undefined);
      return;
    }
    let cluster: Cluster | null = null;
    let dir = '';
    const opened: Store[] = [];
    beforeAll(async () => {
      if (dialect === 'postgres') cluster = await startCluster();
      else dir = mkdtempSync(join(tmpdir(), 'ro-sqlite-'));
    }, 120_000);
    afterAll(async () => {
      await Promise.all(opened.map((s) => s.close()));
      cluster?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    let n = 0;
    const fresh = async (): Promise<Store> => {
      const store =
        dialect === 'postgres' && cluster
          ? openStore({ databaseUrl: await cluster.createDatabase() })
          : openStore({ file: join(dir, `test-${++n}.db`) });
      opened.push(store);
      await migrate(store);
      return store;
    };
    suite(fresh);
  });
}
