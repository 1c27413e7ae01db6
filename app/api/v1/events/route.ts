import { requireApiActor } from '@/lib/auth/current';
import { apiRoute } from '@/lib/api/route';
import { parseInput } from '@/lib/api/validate';
import { eventsQueryFromUrl, EventsQuerySchema } from '@/lib/live/schemas';
import { openEventStream } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

/** One live event stream for several ports (lib/live/stream.ts); a background read, so not activity. */
export const GET = apiRoute(async ({ request, locale }) => {
  const actor = await requireApiActor({ activity: false });
  const query = parseInput(EventsQuerySchema, eventsQueryFromUrl(new URL(request.url)), locale);
  return openEventStream(actor, query.port, {
    lastEventId: request.headers.get('last-event-id'),
    accept: request.headers.get('accept'),
    signal: request.signal,
  });
});
