import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { checkIn } from '@/lib/roster/check-in';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  // checkIn validates the body after checking the actor may touch this appointment.
  return json(await checkIn(actor, p.id, await readJsonBody(request), request.headers.get('idempotency-key') ?? undefined));
});
