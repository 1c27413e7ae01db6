import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { revokeIntakeKey } from '@/lib/intake-keys/write';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ id: string }>(async ({ params }) => {
  const actor = await requireApiActor({ activity: true });
  return json(await revokeIntakeKey(actor, params.id));
});
