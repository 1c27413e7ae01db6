import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';

export const dynamic = 'force-dynamic';

// "Stay signed in": a deliberate act of the person, so it counts as activity for the idle limit.
export const POST = apiRoute(async () => {
  await requireApiActor({ activity: true, whilePasswordChangeRequired: true });
  return json({ status: 'ok' });
});
