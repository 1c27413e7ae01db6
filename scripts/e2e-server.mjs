#!/usr/bin/env node
/**
 * Starts `next start` for the browser tests on a fresh database: a new PostgreSQL database
 * (dropped on exit) when TEST_DATABASE_URL/DATABASE_URL is set or --embedded is not given,
 * else a new embedded PGlite folder. Migrates and loads the demo data first, as the owner
 * (MIGRATION_DATABASE_URL); the app itself connects as portroster_test_app, a member of
 * portroster_app, exactly as production should (see README, Database roles).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TEST_APP_ROLE = 'portroster_test_app'; // lib/testing/postgres-database.ts creates it

const args = process.argv.slice(2);
const port = args[args.indexOf('--port') + 1] ?? '3100';
const embedded = args.includes('--embedded') || !(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
// --same-db-as <port>: a second instance on the first one's database (scale-out tests).
const sameDbAs = args.includes('--same-db-as') ? args[args.indexOf('--same-db-as') + 1] : undefined;
const RUNTIME = path.join(process.cwd(), '.e2e-runtime');
const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-secret-0123456789-abcdefghijkl',
  // Production mode requires a key of at least 32 bytes (lib/env.ts).
  AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY || 'e2e-audit-hmac-key-0123456789abcdef-not-secret',
  DEMO_HISTORY_DAYS: process.env.DEMO_HISTORY_DAYS || (embedded ? '7' : '30'),
  NEXT_TELEMETRY_DISABLED: '1',
};

let cleanup = () => {};
if (sameDbAs) {
  const file = path.join(RUNTIME, `${sameDbAs}.url`);
  const deadline = Date.now() + 240_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) {
      console.error(`no database published by the server on port ${sameDbAs}`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  env.DATABASE_URL = readFileSync(file, 'utf8').trim();
  delete env.MIGRATION_DATABASE_URL;
} else if (embedded) {
  const dir = mkdtempSync(path.join(tmpdir(), 'portroster-e2e-'));
  delete env.DATABASE_URL;
  delete env.MIGRATION_DATABASE_URL;
  env.PGLITE_DIR = path.join(dir, 'pglite');
  env.DEMO_SEED = 'true';
  cleanup = () => rmSync(dir, { recursive: true, force: true });
} else {
  const name = `portroster_e2e_${Date.now().toString(36)}_${port}`;
  const u = new URL(base);
  u.pathname = `/${name}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const psql = (sql) => spawnSync('npx', ['tsx', 'scripts/pg-admin.ts', adminUrl.toString(), sql], { stdio: 'inherit', env });
  if (psql(`create database "${name}"`).status !== 0) process.exit(1);
  if (spawnSync('npx', ['tsx', 'scripts/ensure-test-app-role.ts', adminUrl.toString()], { stdio: 'inherit', env }).status !== 0) process.exit(1);
  const appUrl = new URL(u);
  appUrl.username = TEST_APP_ROLE;
  appUrl.password = TEST_APP_ROLE;
  env.MIGRATION_DATABASE_URL = u.toString();
  env.DATABASE_URL = appUrl.toString();
  const published = path.join(RUNTIME, `${port}.url`);
  cleanup = () => {
    rmSync(published, { force: true });
    psql(`drop database if exists "${name}" with (force)`);
  };
  for (const script of ['scripts/migrate.ts', 'scripts/seed.ts']) {
    const r = spawnSync('npx', ['tsx', '--conditions=react-server', script], { stdio: 'inherit', env });
    if (r.status !== 0) {
      cleanup();
      process.exit(r.status ?? 1);
    }
  }
}

if (!embedded && !sameDbAs) {
  mkdirSync(RUNTIME, { recursive: true });
  writeFileSync(path.join(RUNTIME, `${port}.url`), env.DATABASE_URL);
}

// The app never gets the owner's URL.
const serverEnv = { ...env };
delete serverEnv.MIGRATION_DATABASE_URL;
// The server's own output also goes to .e2e-runtime/<port>.log, so a spec can grep what it logged.
mkdirSync(RUNTIME, { recursive: true });
const log = createWriteStream(path.join(RUNTIME, `${port}.log`));
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], { stdio: ['inherit', 'pipe', 'pipe'], env: serverEnv });
for (const [from, to] of [[server.stdout, process.stdout], [server.stderr, process.stderr]]) {
  from.on('data', (chunk) => {
    to.write(chunk);
    log.write(chunk);
  });
}
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
}
server.on('exit', (code) => {
  cleanup();
  process.exit(stopping ? 0 : (code ?? 1));
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop);
