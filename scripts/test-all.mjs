#!/usr/bin/env node
/**
 * `npm test`: the whole suite. Unit and database tests (vitest), then a production build
 * and the browser tests (Playwright in Debian's Chromium). Uses PostgreSQL when
 * TEST_DATABASE_URL or DATABASE_URL is set (fresh databases per run), else embedded PGlite.
 */
import { spawnSync } from 'node:child_process';

function run(label, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds}s)`);
}

const skipE2e = process.argv.includes('--no-e2e');
run('Type check', 'npm', ['run', 'typecheck']);
// Lint carries the layer rules (eslint.config.mjs): a wrong-way import fails the suite.
run('Lint', 'npm', ['run', 'lint']);
// knip: no unused file, export or dependency (knip.json names the entry points).
run('Unused code', 'npx', ['knip']);
run('Migrations match the schema', 'node', ['scripts/check-migrations.mjs']);
run('Unit and database tests', 'npx', ['vitest', 'run']);
if (!skipE2e) {
  // The browser suite runs against a production build; the server's database must not be
  // opened at build time (see lib/database/index.ts), so building needs no database.
  run('Production build', 'npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
  run('Browser tests', 'npx', ['playwright', 'test']);
}
