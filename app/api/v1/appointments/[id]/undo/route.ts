import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { undoArrival } from '@/lib/roster/undo';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  // The body (idempotency key, replayed tap time) is validated after the scope check.
  return json(await undoArrival(actor, p.id, await readJsonBody(request), request.headers.get('idempotency-key') ?? undefined));
});
