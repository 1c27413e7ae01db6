import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { undoArrival } from '@/lib/roster/undo';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ params }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await undoArrival(actor, params.id));
});
