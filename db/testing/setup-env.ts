/** Runs in every test worker before any test module: point getDb() at the run's database. */
import { inject } from 'vitest';

const url = inject('databaseUrl');
process.env.DEMO_SEED = 'false';
if (url) {
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = 'memory://';
}
