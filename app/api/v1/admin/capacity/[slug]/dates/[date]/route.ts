import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { deleteDateLimit, setDateLimit } from '@/lib/capacity/set-date-limit';
import { parseParams, SlugDateParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

type Params = { slug: string; date: string };

export const PUT = apiRoute<Params>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(SlugDateParams, params, locale);
  return json(await setDateLimit(actor, p.slug, p.date, await readJsonBody(request), locale));
});

export const DELETE = apiRoute<Params>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(SlugDateParams, params, locale);
  return json(await deleteDateLimit(actor, p.slug, p.date, locale));
});
