/** `npm run db:seed`: load the demo data into a migrated database (embedded or PostgreSQL). */
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import { openOwnerFromEnv } from '@/db/client';
import { pendingMigrations } from '@/db/migrate';
import { seedDemo } from '@/lib/seed/demo';
import { runCommand } from './lib/run-command';

async function main(): Promise<number> {
  const e = env();
  const handle = await openOwnerFromEnv();
  try {
    if ((await pendingMigrations(handle)) > 0) {
      console.error('Database is not migrated: run `npm run db:migrate` first');
      return 1;
    }
    const r = await seedDemo(handle.db, { seed: e.SEED, now: now(), demoPassword: e.DEMO_PASSWORD, historyDays: e.DEMO_HISTORY_DAYS });
    const where = handle.kind === 'pglite' ? `embedded database in ${e.PGLITE_DIR}` : 'PostgreSQL';
    console.log(`Demo seed (seed ${e.SEED}) into ${where} in ${(r.elapsedMs / 1000).toFixed(1)} s:`);
    console.log(`  ports ${r.portsInserted} new, outcome codes ${r.outcomeCodesInserted} new, users ${r.usersInserted} new`);
    console.log(`  port-days ${r.portDaysSeeded} seeded, ${r.portDaysSkipped} already present`);
    console.log(`  appointments ${r.appointmentsInserted} inserted, outcomes ${r.outcomesInserted} inserted`);
    if (r.usersInserted > 0) console.log('  demo accounts: admin@, supervisor@, officer.<port>@example.gov (password in DEMO_PASSWORD)');
    return 0;
  } finally {
    await handle.close();
  }
}

runCommand('Seed failed', main);
