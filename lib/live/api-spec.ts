import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { EventsQuerySchema } from './schemas';

const EVENTS =
  'Events: ready or resync first, then change {k, p, a?, d?} per committed change (p: the port slug), end {reason} when the session ends or loses a port, unavailable when the database is away; a heartbeat comment every 15 s. At most 4 open streams per session (429 beyond), whatever the number of ports in each. Send Accept: text/event-stream (400 otherwise).';

const headers = z.object({
  Accept: z.string().meta({ description: 'Must include text/event-stream', example: 'text/event-stream' }),
  'Last-Event-ID': z
    .string()
    .optional()
    .meta({ description: 'Sent back by the browser on reconnection: the stream starts with resync. An id this server did not send is a 400.', example: '3fa85f64-42' }),
});

const success = (example: string) => ({ status: 200, contentType: 'text/event-stream', schema: z.string(), example });

registerRoutes(
  {
    method: 'get',
    path: '/api/v1/ports/{slug}/events',
    operationId: 'streamPortEvents',
    summary: `Server-sent events: what changed at a port (same right and scope as its roster). ${EVENTS}`,
    tag: 'roster',
    auth: 'session',
    headers,
    success: success(
      'retry: 3000\nid: 3fa85f64-41\nevent: ready\ndata: {}\n\nid: 3fa85f64-42\nevent: change\ndata: {"k":"arrival","p":"san-ysidro","a":"7c9e6679-7425-40de-944b-e07fc1f90ae7","d":"2026-12-03"}\n\n',
    ),
    errors: [400, 401, 404, 429],
  },
  {
    method: 'get',
    path: '/api/v1/events',
    operationId: 'streamEvents',
    summary: `Server-sent events for several ports in one stream (the "today" and wall views), each with the same right and scope as its roster: a port the caller may not see is 404. ${EVENTS}`,
    tag: 'roster',
    auth: 'session',
    query: EventsQuerySchema,
    headers,
    success: success(
      'retry: 3000\nid: 3fa85f64-41\nevent: ready\ndata: {}\n\nid: 3fa85f64-42\nevent: change\ndata: {"k":"arrival","p":"nogales","a":"7c9e6679-7425-40de-944b-e07fc1f90ae7","d":"2026-12-03"}\n\n',
    ),
    errors: [400, 401, 404, 429],
  },
);
