import { apiRoute } from '@/lib/api/route';
import { NO_STORE } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { authenticateIntakeKey } from '@/lib/intake-keys/authenticate';
import { bookAppointment } from '@/lib/intake/book';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ request, locale, requestId }) => {
  const key = await authenticateIntakeKey(request);
  const body = await readJsonBody(request);
  const stored = await bookAppointment(key, { idempotencyKey: request.headers.get('idempotency-key'), body, requestId }, locale);
  // The stored bytes, as sent the first time: a replay is identical byte for byte.
  return new Response(stored.body, { status: stored.status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE } });
});
