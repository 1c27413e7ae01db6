import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/validate';
import { requireApiActor } from '@/lib/auth/current';
import { recordOutcome } from '@/lib/outcomes/record-outcome';
import type { RecordOutcomeInput } from '@/lib/outcomes/schemas';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  return json(await recordOutcome(actor, p.id, (await readJsonBody(request)) as RecordOutcomeInput, request.headers.get('idempotency-key') ?? undefined));
});
