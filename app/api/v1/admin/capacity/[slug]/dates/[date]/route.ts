import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { deleteDateLimit, setDateLimit } from '@/lib/capacity/set-date-limit';

export const dynamic = 'force-dynamic';

type Params = { slug: string; date: string };

export const PUT = apiRoute<Params>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await setDateLimit(actor, params.slug, params.date, await readJsonBody(request), locale));
});

export const DELETE = apiRoute<Params>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await deleteDateLimit(actor, params.slug, params.date, locale));
});
