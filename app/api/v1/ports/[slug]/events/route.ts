import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { parseParams, SlugParams } from '@/lib/api/params';
import { openPortEventStream } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

/** The port's live event stream (lib/live/stream.ts); a background read, so not activity. */
export const GET = apiRoute<{ slug: string }>(async ({ request, params, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const p = parseParams(SlugParams, params, locale);
  return openPortEventStream(actor, p.slug, {
    lastEventId: request.headers.get('last-event-id'),
    accept: request.headers.get('accept'),
    signal: request.signal,
  });
});
