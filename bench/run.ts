/**
 * `npm run bench`: every benchmark in turn against PostgreSQL (TEST_DATABASE_URL or
 * DATABASE_URL, default the local server), after a production build. Each prints its own
 * table and writes bench/results/<name>.json; this prints them together at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { machine, printTable, type Figure } from './lib/report';

const BENCHMARKS = ['roster', 'stats', 'release-rush', 'audit-verify', 'live-events'].filter((name) => existsSync(path.join('bench', `${name}.ts`)));

if (!existsSync('.next/BUILD_ID') || process.argv.includes('--build')) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const failed: string[] = [];
for (const name of BENCHMARKS) {
  console.log(`\n▶ bench/${name}.ts`);
  const result = spawnSync('npx', ['tsx', '--conditions=react-server', `bench/${name}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}

console.log(`\nMachine: ${machine()}`);
for (const name of BENCHMARKS) {
  const file = path.join('bench', 'results', `${name}.json`);
  if (!existsSync(file)) continue;
  const { figures } = JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] };
  printTable(name, figures);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
