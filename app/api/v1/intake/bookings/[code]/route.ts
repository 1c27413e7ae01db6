import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { authenticateIntakeKey } from '@/lib/intake-keys/authenticate';
import { cancelBooking } from '@/lib/intake/cancel';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ code: string }>(async ({ request, params, requestId }) => {
  const key = await authenticateIntakeKey(request);
  return json(await cancelBooking(key, params.code, requestId));
});
