import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { json } from '@/lib/api/respond';
import { readJsonBody } from '@/lib/api/validate';
import { updatePort } from '@/lib/ports/update-port';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  return json({ port: await updatePort(actor, params.slug, await readJsonBody(request), locale) });
});
