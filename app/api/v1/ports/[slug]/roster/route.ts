import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { NO_STORE } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { getRosterJson } from '@/lib/roster/queries';
import { RosterQuerySchema } from '@/lib/roster/schemas';
import { parseParams, SlugParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const p = parseParams(SlugParams, params, locale);
  const url = new URL(request.url);
  const statuses = url.searchParams.getAll('status');
  const query = parseInput(
    RosterQuerySchema,
    {
      date: url.searchParams.get('date') ?? undefined,
      q: url.searchParams.get('q') ?? undefined,
      status: statuses.length > 1 ? statuses : (statuses[0] ?? undefined),
    },
    locale,
  );
  // PostgreSQL built the JSON; send it as it is (no parse and re-serialise per request).
  return new Response(await getRosterJson(actor, p.slug, query), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE },
  });
});
