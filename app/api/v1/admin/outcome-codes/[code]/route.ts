import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { deleteOutcomeCode, updateOutcomeCode } from '@/lib/outcome-codes/write';
import { parseParams, OutcomeCodeParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ code: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(OutcomeCodeParams, params, locale);
  return json({ outcomeCode: await updateOutcomeCode(actor, p.code, await readJsonBody(request), locale) });
});

export const DELETE = apiRoute<{ code: string }>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(OutcomeCodeParams, params, locale);
  return json(await deleteOutcomeCode(actor, p.code));
});
