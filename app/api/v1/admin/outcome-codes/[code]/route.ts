import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { deleteOutcomeCode, updateOutcomeCode } from '@/lib/outcome-codes/write';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ code: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ outcomeCode: await updateOutcomeCode(actor, params.code, await readJsonBody(request), locale) });
});

export const DELETE = apiRoute<{ code: string }>(async ({ params }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await deleteOutcomeCode(actor, params.code));
});
