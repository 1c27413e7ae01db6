import { z } from 'zod';
import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { AppError } from '@/lib/errors';
import { locateCode } from '@/lib/roster/lookup';

export const dynamic = 'force-dynamic';

const QuerySchema = z.object({ code: z.string().trim().min(1).max(32) });

// Where a confirmation code belongs (port and date only), for scans at the wrong port or day.
export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const { code } = parseInput(QuerySchema, { code: new URL(request.url).searchParams.get('code') ?? '' }, locale);
  const location = await locateCode(actor, code);
  if (!location) throw new AppError('NOT_FOUND', 'No appointment has this confirmation code.', { es: 'Ninguna cita tiene este código de confirmación.' });
  return json({ location });
});
