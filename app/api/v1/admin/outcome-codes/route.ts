import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { listOutcomeCodesForAdmin } from '@/lib/outcome-codes/queries';
import { addOutcomeCode } from '@/lib/outcome-codes/write';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  return json({ outcomeCodes: await listOutcomeCodesForAdmin(actor) });
});

export const POST = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ outcomeCode: await addOutcomeCode(actor, await readJsonBody(request), locale) }, 201);
});
