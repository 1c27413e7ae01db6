#!/usr/bin/env node
/**
 * Migrations are consistent and complete: `drizzle-kit check` (journal and snapshots agree, no
 * collisions), then `drizzle-kit generate` against a copy of the folder must find nothing to do, so
 * a schema change committed without its migration fails the suite instead of a deployment.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function drizzleKit(args) {
  const result = spawnSync('npx', ['drizzle-kit', ...args], { encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

drizzleKit(['check']);

// drizzle-kit resolves `out` relative to the working directory (an absolute path breaks it), so the
// scratch copy lives in the project, ignored by git.
const scratch = mkdtempSync('.migrations-check-');
try {
  const out = `./${scratch}/migrations`;
  cpSync('db/migrations', out, { recursive: true });
  const config = path.resolve(scratch, 'drizzle.config.mjs');
  writeFileSync(
    config,
    `export default ${JSON.stringify({ dialect: 'postgresql', schema: path.resolve('db/schema/index.ts'), out, casing: 'snake_case' })};\n`,
  );
  const before = readdirSync(out).length;
  const printed = drizzleKit(['generate', '--config', config, '--name', 'pending_schema_change']);
  if (!/No schema changes/i.test(printed) || readdirSync(out).length !== before) {
    process.stderr.write(printed);
    console.error('db/schema has changes without a migration: run `npm run db:generate -- --name <what changed>`.');
    process.exitCode = 1;
  } else {
    console.log('Migrations match db/schema.');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
