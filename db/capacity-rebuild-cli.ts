/** `npm run capacity:rebuild`: recount daily_bookings and national_daily_bookings from the appointments (as the owner). */
import { openOwnerFromEnv } from './client';
import { rebuildDailyBookings } from '@/lib/intake/capacity';

const handle = await openOwnerFromEnv();
try {
  const result = await rebuildDailyBookings(handle.db);
  console.log(`Recounted ${result.portDays} port-days and ${result.dates} national dates.`);
} finally {
  await handle.close();
}
