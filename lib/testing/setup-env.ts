/**
 * Runs in every test file before any test module: point getDb() at a database of its own
 * (a copy of the run's migrated database on PostgreSQL, a fresh in-memory PGlite otherwise).
 * On PostgreSQL the app's connection is the test login role in portroster_app, as in production;
 * MIGRATION_DATABASE_URL is the owner, for the few tests that need owner rights (lib/testing/owner.ts).
 */
import { afterAll, inject } from 'vitest';
import { asTestAppRole, cloneTestDatabase, dropTestDatabase } from './postgres-database';

const templateUrl = inject('databaseUrl');
process.env.DEMO_SEED = 'false';
// A fixed key: tests that spawn the CLIs verify what this process signed.
process.env.AUDIT_HMAC_KEY ||= 'test-audit-hmac-key-0123456789abcdef-not-secret';
if (templateUrl) {
  const { url, name } = await cloneTestDatabase(templateUrl);
  process.env.DATABASE_URL = asTestAppRole(url);
  process.env.MIGRATION_DATABASE_URL = url;
  afterAll(async () => {
    const { closeDb } = await import('@/lib/database');
    await closeDb();
    const { closeOwnerDb } = await import('./owner');
    await closeOwnerDb();
    await dropTestDatabase(templateUrl, name);
  });
} else {
  delete process.env.DATABASE_URL;
  delete process.env.MIGRATION_DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}
