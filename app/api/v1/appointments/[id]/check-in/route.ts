import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput, readJsonBody } from '@/lib/api/validate';
import { checkIn, CheckInInputSchema } from '@/lib/roster/check-in';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const input = parseInput(CheckInInputSchema, await readJsonBody(request), locale);
  const headerKey = request.headers.get('idempotency-key');
  return json(await checkIn(actor, params.id, { ...input, idempotencyKey: input.idempotencyKey ?? headerKey ?? undefined }));
});
