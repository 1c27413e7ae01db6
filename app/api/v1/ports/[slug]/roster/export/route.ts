import { apiRoute } from '@/lib/api/route';
import { NO_STORE } from '@/lib/api/respond';
import { parseInput } from '@/lib/api/validate';
import { requireApiActor } from '@/lib/auth/current';
import { exportRosterCsv } from '@/lib/intake/export-roster';
import { ExportQuerySchema } from '@/lib/intake/schemas';
import { parseParams, SlugParams } from '@/lib/api/params';

export const dynamic = 'force-dynamic';

export const GET = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: true });
  const p = parseParams(SlugParams, params, locale);
  const { date } = parseInput(ExportQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
  const csv = await exportRosterCsv(actor, p.slug, date);
  const name = `roster-${p.slug}-${date ?? 'today'}.csv`.replace(/[^a-z0-9.-]/gi, '_');
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, ...NO_STORE },
  });
});
