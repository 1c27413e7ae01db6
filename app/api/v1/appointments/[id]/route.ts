import { json } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { getAppointmentDetail } from '@/lib/appointments/queries';
import { requireApiActor } from '@/lib/auth/current';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ id: string }>(async ({ params }) => {
  const actor = await requireApiActor({ activity: false });
  return json(await getAppointmentDetail(actor, params.id));
});
