import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { statsParamsFromUrl } from '@/lib/stats/params';
import { getDailyStats } from '@/lib/stats/daily';
import { StatsRangeQuerySchema } from '@/lib/stats/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const query = parseInput(StatsRangeQuerySchema, statsParamsFromUrl(new URL(request.url)), locale);
  return json(await getDailyStats(actor, query));
});
