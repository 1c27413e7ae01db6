import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { changeOwnPassword } from '@/lib/users/change-own-password';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true, whilePasswordChangeRequired: true });
  return json(await changeOwnPassword(actor, await readJsonBody(request), locale));
});
