import { NO_STORE } from '@/lib/api/respond';
import { apiRoute } from '@/lib/api/route';
import { downloadableCheckpoint } from '@/lib/audit/checkpoint-status';
import { toUtcIso } from '@/lib/audit/filename';
import { requireApiActor } from '@/lib/auth/current';

export const dynamic = 'force-dynamic';

/** A signed checkpoint of every audit chain, as a file to keep off this machine (`audit:verify --checkpoint`). */
export const GET = apiRoute(async () => {
  const actor = await requireApiActor({ activity: false });
  const doc = await downloadableCheckpoint(actor);
  return new Response(`${JSON.stringify(doc, null, 1)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-checkpoint-${toUtcIso()}.json"`,
      ...NO_STORE,
    },
  });
});
