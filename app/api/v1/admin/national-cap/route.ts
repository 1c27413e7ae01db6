import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { setNationalCap } from '@/lib/capacity/set-national-cap';

export const dynamic = 'force-dynamic';

export const PUT = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await setNationalCap(actor, await readJsonBody(request), locale));
});
