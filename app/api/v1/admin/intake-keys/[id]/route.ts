import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { revokeIntakeKey } from '@/lib/intake-keys/write';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(IdParams, params, locale);
  return json(await revokeIntakeKey(actor, p.id));
});
