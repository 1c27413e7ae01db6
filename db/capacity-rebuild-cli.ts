/** `npm run capacity:rebuild`: recount daily_bookings and national_daily_bookings from the appointments. */
import { closeDb, getDb } from './index';
import { rebuildDailyBookings } from '@/lib/intake/capacity';

const db = await getDb();
const result = await rebuildDailyBookings(db);
console.log(`Recounted ${result.portDays} port-days and ${result.dates} national dates.`);
await closeDb();
