import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { setWeekdayLimits } from '@/lib/capacity/set-weekday-limits';

export const dynamic = 'force-dynamic';

export const PUT = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await setWeekdayLimits(actor, params.slug, await readJsonBody(request), locale));
});
