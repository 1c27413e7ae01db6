import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { listPorts, toPublicPort } from '@/lib/ports/queries';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  const ports = await listPorts(actor);
  return json({ ports: ports.map(toPublicPort) });
});
