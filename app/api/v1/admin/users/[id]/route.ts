import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { updateUser } from '@/lib/users/update-user';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ user: await updateUser(actor, params.id, await readJsonBody(request), locale) });
});
