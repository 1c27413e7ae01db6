import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { capacityCalendar } from '@/lib/capacity/queries';
import { CapacityQuerySchema } from '@/lib/capacity/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const query = parseInput(CapacityQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
  const { days, national, nationalCap, weekdays } = await capacityCalendar(actor, query);
  return json({ days, national, nationalCap, weekdays });
});
