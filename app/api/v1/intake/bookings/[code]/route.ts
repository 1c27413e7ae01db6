import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { authenticateIntakeKey } from '@/lib/intake-keys/authenticate';
import { cancelBooking } from '@/lib/intake/cancel';
import { parseParams, ConfirmationCodeParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const DELETE = apiRoute<{ code: string }>(async ({ request, params, requestId, locale }) => {
  const key = await authenticateIntakeKey(request);
  const p = parseParams(ConfirmationCodeParams, params, locale);
  return json(await cancelBooking(key, p.code, requestId));
});
