/** Create and drop a throwaway PostgreSQL database (tests, e2e, benchmarks). */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The login role tests and browser-test servers run the app as: a member of portroster_app, not the owner. */
export const TEST_APP_ROLE = 'portroster_test_app';

/**
 * Creates portroster_app (normally the migration's job) and the test login role in it, once per
 * cluster. Parallel runs may race on CREATE ROLE; the loser's duplicate error is expected.
 */
export const ENSURE_TEST_APP_ROLE_SQL = `DO $$
BEGIN
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portroster_app') THEN CREATE ROLE portroster_app NOLOGIN; END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_APP_ROLE}') THEN
      CREATE ROLE ${TEST_APP_ROLE} LOGIN PASSWORD '${TEST_APP_ROLE}' IN ROLE portroster_app;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
END
$$`;

/** The same database, connected as the test app role (what DATABASE_URL of the app under test is). */
export function asTestAppRole(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE;
  u.password = TEST_APP_ROLE;
  return u.toString();
}

export async function ensureTestAppRole(baseUrl: string): Promise<void> {
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(ENSURE_TEST_APP_ROLE_SQL);
  } finally {
    await admin.end();
  }
}

/**
 * `npm run db:migrate` against url, in a process of its own: the migration imports server-only
 * modules (audit keys, env), which plain Node refuses (Playwright's workers, which call this for the
 * fault tests, cannot take the react-server condition), and it is exactly what an operator runs.
 */
function migrate(url: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, MIGRATION_DATABASE_URL: url };
  delete env.ADMIN_EMAIL; // no bootstrap administrator in a test database
  delete env.ADMIN_PASSWORD;
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/migrate.ts'], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`Migrating the test database failed: ${r.stderr || r.stdout}`);
}

/** A new database, migrated as the owner (baseUrl's user); see asTestAppRole for the app's URL. */
export async function createTestDatabase(baseUrl: string, purpose: string): Promise<{ url: string; name: string }> {
  await ensureTestAppRole(baseUrl);
  const name = `portroster_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  migrate(url);
  return { url, name };
}

/**
 * A copy of a migrated database (CREATE DATABASE ... TEMPLATE): each test file gets its own,
 * so files running in parallel cannot disturb each other's global settings (the national cap).
 * Nothing may stay connected to the template.
 */
export async function cloneTestDatabase(templateUrl: string): Promise<{ url: string; name: string }> {
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const name = `${template}_${randomBytes(4).toString('hex')}`.slice(0, 63);
  const admin = postgres(withDatabase(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return { url: withDatabase(templateUrl, name), name };
}

export async function dropTestDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

export async function dropTestDatabasesLike(baseUrl: string, pattern: string): Promise<void> {
  const admin = postgres(withDatabase(baseUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select datname from pg_database where datname like ${pattern}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname as string}" with (force)`);
  } finally {
    await admin.end();
  }
}
