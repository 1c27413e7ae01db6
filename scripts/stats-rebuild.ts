/**
 * Rebuild the statistics rollups from the appointments: `npm run stats:rebuild`
 * (uses DATABASE_URL, or the embedded database when unset; stop the server first for PGlite).
 * With --check, only report rows where the rollups disagree with a fresh recount, exit 1 if any.
 */
import { closeDb, getDb } from '@/lib/database';
import { rebuildStatsRollup, statsRollupDrift } from '@/lib/stats/rollup';

async function main() {
  const db = await getDb();
  if (process.argv.includes('--check')) {
    const drift = await statsRollupDrift(db);
    const clean = drift.missing.length === 0 && drift.extra.length === 0;
    console.log(clean ? 'stats rollups match the appointments' : JSON.stringify({ missing: drift.missing.slice(0, 50), extra: drift.extra.slice(0, 50) }, null, 2));
    process.exitCode = clean ? 0 : 1;
    return;
  }
  const started = performance.now();
  const result = await rebuildStatsRollup(db);
  console.log(`stats rollups rebuilt: ${result.ports} ports, ${result.rows} rows in ${Math.round(performance.now() - started)} ms`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
