import { z } from 'zod';
import { registerRoutes } from '@/lib/api/openapi';
import { DailyStatsSchema, HourlySchema, StatsTodayQuerySchema, SummarySchema, TodaySchema } from './schemas';
import { IsoDateSchema } from '@/lib/roster/schemas';

// The range check (from <= to, at most 366 days) is a refinement; OpenAPI lists the plain parameters.
const RangeQuery = z.object({
  from: IsoDateSchema.describe('First service date (YYYY-MM-DD), included'),
  to: IsoDateSchema.describe('Last service date (YYYY-MM-DD), included; at most 366 days in all'),
  port: StatsTodayQuerySchema.shape.port,
});

registerRoutes(
  {
    method: 'get',
    path: '/api/v1/stats/daily',
    summary: 'Per port-local service date and port: capacity, counts, outcome mix and rates (officers: their port only)',
    tag: 'stats',
    auth: 'session',
    query: RangeQuery,
    success: { status: 200, schema: DailyStatsSchema },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/stats/summary',
    summary: 'Totals for the range per port and for all selected ports, with the previous period of the same length',
    tag: 'stats',
    auth: 'session',
    query: RangeQuery,
    success: { status: 200, schema: SummarySchema },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/stats/hourly',
    summary: 'Arrivals by hour of the port-local day against scheduled hours over the range',
    tag: 'stats',
    auth: 'session',
    query: RangeQuery,
    success: { status: 200, schema: HourlySchema },
    errors: [400, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/api/v1/stats/today',
    summary: "Today, live, per port at each port's local date: booked, arrived, still due, no-shows, in progress",
    tag: 'stats',
    auth: 'session',
    query: StatsTodayQuerySchema,
    success: { status: 200, schema: TodaySchema },
    errors: [400, 401, 403, 404],
  },
);
