import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { statsParamsFromUrl } from '@/lib/stats/params';
import { getToday } from '@/lib/stats/queries';
import { StatsTodayQuerySchema } from '@/lib/stats/schemas';

export const dynamic = 'force-dynamic';

// Polled by the live panel: activity false, so watching the dashboard does not defeat the idle limit.
export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const query = parseInput(StatsTodayQuerySchema, { port: statsParamsFromUrl(new URL(request.url)).port }, locale);
  return json(await getToday(actor, query));
});
