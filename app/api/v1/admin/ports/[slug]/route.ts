import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { updatePort } from '@/lib/ports/update-port';
import { parseParams, SlugParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(SlugParams, params, locale);
  return json({ port: await updatePort(actor, p.slug, await readJsonBody(request), locale) });
});
