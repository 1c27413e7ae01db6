import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { setWeekdayLimits } from '@/lib/capacity/set-weekday-limits';
import { parseParams, SlugParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const PUT = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(SlugParams, params, locale);
  return json(await setWeekdayLimits(actor, p.slug, await readJsonBody(request), locale));
});
