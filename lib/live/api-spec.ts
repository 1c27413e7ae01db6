import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';

registerRoutes({
  method: 'get',
  path: '/api/v1/ports/{slug}/events',
  operationId: 'streamPortEvents',
  summary:
    "Server-sent events: what changed at a port (same right and scope as its roster). Events: ready or resync first, then change {k, a?, d?} per committed change, end {reason} when the session ends, unavailable when the database is away; a heartbeat comment every 15 s. At most 4 open streams per session (429 beyond). Send Accept: text/event-stream (400 otherwise).",
  tag: 'roster',
  auth: 'session',
  headers: z.object({
    Accept: z.string().meta({ description: 'Must include text/event-stream', example: 'text/event-stream' }),
    'Last-Event-ID': z
      .string()
      .optional()
      .meta({ description: 'Sent back by the browser on reconnection: the stream starts with resync. An id this server did not send is a 400.', example: '3fa85f64-42' }),
  }),
  success: {
    status: 200,
    contentType: 'text/event-stream',
    schema: z.string(),
    example: 'retry: 3000\nid: 3fa85f64-41\nevent: ready\ndata: {}\n\nid: 3fa85f64-42\nevent: change\ndata: {"k":"arrival","a":"7c9e6679-7425-40de-944b-e07fc1f90ae7","d":"2026-12-03"}\n\n',
  },
  errors: [400, 401, 404, 429],
});
