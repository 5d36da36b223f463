import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/ro.js`;

/** The CLI tests run the real `bin/ro.js`, which needs dist/; build it when a bare `vitest` ran first. */
export function ensureBuilt(): void {
  if (existsSync(`${ROOT}dist/cli/main.js`)) return;
  execFileSync(
    process.execPath,
    [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}
