/**
 * Runs in every test file before any test module: point getDb() at a database of its own
 * (a copy of the run's migrated database on PostgreSQL, a fresh in-memory PGlite otherwise).
 */
import { afterAll, inject } from 'vitest';
import { cloneTestDatabase, dropTestDatabase } from './postgres-database';

const templateUrl = inject('databaseUrl');
process.env.DEMO_SEED = 'false';
if (templateUrl) {
  const { url, name } = await cloneTestDatabase(templateUrl);
  process.env.DATABASE_URL = url;
  afterAll(async () => {
    const { closeDb } = await import('../index');
    await closeDb();
    await dropTestDatabase(templateUrl, name);
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}
