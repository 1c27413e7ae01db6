/** The query of the several-port event stream, shared by the route and the OpenAPI document. */
import { z } from 'zod';
import { Slug } from '@/lib/api/params';
import { MAX_STREAM_PORTS } from './stream';

export const EventsQuerySchema = z.object({
  port: z
    .array(Slug)
    .min(1, { message: 'name at least one port' })
    .max(MAX_STREAM_PORTS, { message: `at most ${MAX_STREAM_PORTS} ports` })
    .describe('Port slug; repeat for several (port=a&port=b). Every one must be a port the caller may see (else 404)'),
});

/** The query string as the route reads it: `port` repeatable. */
export const eventsQueryFromUrl = (url: URL) => ({ port: url.searchParams.getAll('port') });
