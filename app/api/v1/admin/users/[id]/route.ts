import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { updateUser } from '@/lib/users/update-user';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  return json({ user: await updateUser(actor, p.id, await readJsonBody(request), locale) });
});
