/**
 * Rebuild the daily statistics rollup from the appointments: `npx tsx scripts/stats-rebuild.ts`
 * (uses DATABASE_URL, or the embedded database when unset; stop the server first for PGlite).
 * With --check, only report rows where the rollup disagrees, exit 1 if any.
 */
import { closeDb, getDb } from '@/db';
import { rebuildStatsRollup, statsRollupDrift } from '@/lib/stats/rollup';

async function main() {
  const db = await getDb();
  if (process.argv.includes('--check')) {
    const drift = await statsRollupDrift(db);
    console.log(drift.length === 0 ? 'stats rollup matches the appointments' : JSON.stringify(drift.slice(0, 50), null, 2));
    process.exitCode = drift.length === 0 ? 0 : 1;
    return;
  }
  const started = performance.now();
  const result = await rebuildStatsRollup(db);
  console.log(`stats rollup rebuilt: ${result.statusRows} status rows, ${result.outcomeRows} outcome rows in ${Math.round(performance.now() - started)} ms`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
