import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { listUsersForAdmin } from '@/lib/users/admin-queries';
import { createUser } from '@/lib/users/create-user';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  return json({ users: await listUsersForAdmin(actor) });
});

export const POST = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ user: await createUser(actor, await readJsonBody(request), locale) }, 201);
});
