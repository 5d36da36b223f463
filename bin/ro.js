#!/usr/bin/env node
// The `ro` command. The code lives in dist/ (built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'ro: Rõ is not built yet. Run "npm install" (or "npm run build") in its folder first.\n',
  );
  process.exit(1);
}

// A reader that stops early (`ro extract X | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
