import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { readJsonBody } from '@/lib/api/validate';
import { requireApiActor } from '@/lib/auth/current';
import { correctAppointment } from '@/lib/outcomes/correct';
import type { CorrectionInput } from '@/lib/outcomes/schemas';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ request, params }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await correctAppointment(actor, params.id, (await readJsonBody(request)) as CorrectionInput));
});
