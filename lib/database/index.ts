/**
 * The process-wide database, opened on first use (db/client.ts opens it; this prepares it with the
 * app's own steps, which is why it lives in lib/ and db/ stays below lib/). The embedded database migrates itself
 * (and loads the demo) on open; a real server must be migrated with `npm run db:migrate`.
 */
import 'server-only';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import { openFromEnv, type DatabaseHandle, type Db } from '@/db/client';
import { pendingMigrations } from '@/db/migrate';
import { runMigrations } from './migrate';

const holder = globalThis as unknown as { __portRosterDb?: Promise<DatabaseHandle> };

export const NOT_MIGRATED_MESSAGE = 'The database is not migrated. Run `npm run db:migrate`, then start the app again.';

async function open(): Promise<DatabaseHandle> {
  const e = env();
  const handle = await openFromEnv();
  if (handle.kind === 'pglite') {
    await runMigrations(handle);
    if (e.demo) {
      const { seedDemo } = await import('@/lib/seed/demo');
      await seedDemo(handle.db, { seed: e.SEED, now: now(), demoPassword: e.DEMO_PASSWORD, historyDays: e.DEMO_HISTORY_DAYS });
    }
  } else if ((await pendingMigrations(handle)) > 0) {
    await handle.close();
    throw new AppError('UNAVAILABLE', NOT_MIGRATED_MESSAGE, { retryAfterSeconds: 30 });
  }
  const { checkRuntimePrivileges } = await import('@/lib/audit/db-privileges');
  await checkRuntimePrivileges(handle.db);
  if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
    const { ensureBootstrapAdmin } = await import('@/lib/seed/bootstrap-admin');
    await ensureBootstrapAdmin(handle.db, { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD });
  }
  return handle;
}

let seedingDb: Db | null = null;

function processHandle(): Promise<DatabaseHandle> {
  if (!holder.__portRosterDb) {
    holder.__portRosterDb = open();
    // A failed open (server down, not migrated) must not be cached forever: retry on the next request.
    holder.__portRosterDb.catch(() => {
      holder.__portRosterDb = undefined;
    });
  }
  return holder.__portRosterDb;
}

export async function getDb(): Promise<Db> {
  if (seedingDb) return seedingDb;
  return (await processHandle()).db;
}

/**
 * For the demo seed only: the product's verbs (which call getDb()) write into the database being
 * seeded, which may still be opening (the embedded database seeds itself inside open()) or be a
 * handle of its own (the seed command, tests on a fresh database).
 */
export async function withSeedingDb<T>(db: Db, step: () => Promise<T>): Promise<T> {
  const before = seedingDb;
  seedingDb = db;
  try {
    return await step();
  } finally {
    seedingDb = before;
  }
}

/** The whole handle (for LISTEN, lib/live/hub.ts), opened like getDb(). */
export function getDbHandle(): Promise<DatabaseHandle> {
  return processHandle();
}

export async function closeDb(): Promise<void> {
  const pending = holder.__portRosterDb;
  holder.__portRosterDb = undefined;
  if (pending) await (await pending).close();
}
