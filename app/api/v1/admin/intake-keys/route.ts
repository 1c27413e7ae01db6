import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { listIntakeKeys } from '@/lib/intake-keys/queries';
import { createIntakeKey } from '@/lib/intake-keys/write';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  return json({ intakeKeys: await listIntakeKeys(actor) });
});

export const POST = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await createIntakeKey(actor, await readJsonBody(request), locale), 201);
});
