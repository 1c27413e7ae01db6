import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { addPort } from '@/lib/ports/add-port';
import { listPortsForAdmin } from '@/lib/ports/admin-queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  return json({ ports: await listPortsForAdmin(actor) });
});

export const POST = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ port: await addPort(actor, await readJsonBody(request), locale) }, 201);
});
