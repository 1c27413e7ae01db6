import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { getAppointmentDetail } from '@/lib/appointments/queries';
import { requireApiActor } from '@/lib/auth/current';
import { parseParams, IdParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ params, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const p = parseParams(IdParams, params, locale);
  return json(await getAppointmentDetail(actor, p.id));
});
