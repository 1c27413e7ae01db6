/**
 * `npm run capacity:rebuild`: recount every counter kept beside the appointments, as the owner:
 * daily_bookings and national_daily_bookings (booking capacity), then the statistics rollups
 * (lib/stats/rollup.ts, one port per transaction under a share lock). `npm run stats:rebuild`
 * recounts (or checks) the statistics rollups alone.
 */
import { openOwnerFromEnv } from '@/db/client';
import { rebuildDailyBookings } from '@/lib/intake/capacity';
import { rebuildStatsRollup } from '@/lib/stats/rollup';

const handle = await openOwnerFromEnv();
try {
  const result = await rebuildDailyBookings(handle.db);
  console.log(`Recounted ${result.portDays} port-days and ${result.dates} national dates.`);
  const stats = await rebuildStatsRollup(handle.db);
  console.log(`Rebuilt the statistics rollups of ${stats.ports} ports (${stats.rows} rows).`);
} finally {
  await handle.close();
}
