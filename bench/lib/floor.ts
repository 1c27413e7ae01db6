/**
 * The framework floor (bench/floor-app): built on first use, started like the app. Built with webpack:
 * Turbopack, asked to build a project inside this repository, also compiles the root's proxy.ts and
 * instrumentation.ts (it takes the repository as the project root) and fails on their "@/" imports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer, type BenchServer } from './server';

export const FLOOR_DIR = 'bench/floor-app';

export function ensureFloorBuilt(): void {
  if (existsSync(`${FLOOR_DIR}/.next/BUILD_ID`) && !process.argv.includes('--build')) return;
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build', '--webpack', FLOOR_DIR], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('the floor app did not build');
}

export function startFloor(databaseUrl: string, port: number): Promise<BenchServer> {
  return startServer(databaseUrl, port, { dir: FLOOR_DIR, readyPath: '/api/health' });
}
