import { json, NO_STORE } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { parseInput } from '@/lib/api/validate';
import { auditCsvStream, listAuditEvents } from '@/lib/audit/queries';
import { AuditQuerySchema } from '@/lib/audit/schemas';
import { requireApiActor } from '@/lib/auth/current';
import { toUtcIso } from '@/lib/audit/filename';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const query = parseInput(AuditQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
  if (query.format === 'csv') {
    return new Response(await auditCsvStream(actor, query), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="audit-${toUtcIso()}.csv"`,
        ...NO_STORE,
      },
    });
  }
  return json(await listAuditEvents(actor, query));
});
