import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { authenticateIntakeKey } from '@/lib/intake-keys/authenticate';
import { getAvailability } from '@/lib/intake/queries';
import { enforceRateLimitFor } from '@/lib/intake/rate-limit-route';
import { AvailabilityQuerySchema } from '@/lib/intake/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ request, locale }) => {
  const key = await authenticateIntakeKey(request);
  await enforceRateLimitFor(key);
  const query = parseInput(AvailabilityQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
  return json(await getAvailability(query));
});
