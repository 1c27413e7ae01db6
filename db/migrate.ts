import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, queryRows, type DatabaseHandle } from './client';

/**
 * The committed SQL migrations (db/migrations), nothing else. The app's data steps that follow them
 * (re-chaining old audit events, recomputing identity keys) are lib/database/migrate.ts's runMigrations.
 */
export async function applySchemaMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

function expectedMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** How many committed migrations the database has not applied yet (all of them on an empty database). */
export async function pendingMigrations(handle: DatabaseHandle): Promise<number> {
  const expected = expectedMigrationCount();
  const [exists] = await queryRows<{ present: string | null }>(
    handle.db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as present`,
  );
  if (!exists?.present) return expected;
  const [row] = await queryRows<{ n: number | string }>(
    handle.db,
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return Math.max(0, expected - Number(row?.n ?? 0));
}
