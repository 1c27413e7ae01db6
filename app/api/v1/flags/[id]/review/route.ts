import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { requireApiActor } from '@/lib/auth/current';
import { reviewFlag } from '@/lib/intake/review-flag';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  return json(await reviewFlag(actor, p.id, await readJsonBody(request), locale));
});
