/**
 * `npm run dev` step one: on the embedded database, migrate and load the demo before the
 * server starts, so the first page is not kept waiting. A no-op with DATABASE_URL set.
 * (PGlite is single-process: this finishes and closes before `next dev` opens the folder.)
 */
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import { openPglite } from '@/db/client';
import { runMigrations } from '@/lib/database/migrate';
import { seedDemo } from '@/lib/seed/demo';

async function main() {
  const e = env();
  if (!e.embedded) return;
  const started = Date.now();
  console.log(`Preparing the embedded database in ${e.PGLITE_DIR} …`);
  const handle = await openPglite(e.PGLITE_DIR);
  try {
    await runMigrations(handle);
    if (e.demo) {
      const r = await seedDemo(handle.db, { seed: e.SEED, now: now(), demoPassword: e.DEMO_PASSWORD, historyDays: e.DEMO_HISTORY_DAYS });
      if (r.appointmentsInserted > 0) console.log(`Loaded demo data: ${r.appointmentsInserted} appointments.`);
    }
  } finally {
    await handle.close();
  }
  console.log(`Embedded database ready in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}

main().catch((error: unknown) => {
  console.error(`Could not prepare the embedded database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
