import { isIsoDate } from '@/lib/time';
import { z } from 'zod';
import { IsoDateSchema } from '@/lib/roster/schemas';
import { MAX_RANGE_DAYS, rangeLength } from './rules';

const PortsParam = z
  .union([z.string().trim().min(1).max(40), z.array(z.string().trim().min(1).max(40)).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
  .describe('Port slug; repeat for several; absent for every port the caller may see');

/** from..to, both port-local service dates, both included; at most 366 days. */
export const StatsRangeQuerySchema = z
  .object({
    from: IsoDateSchema.describe('First service date (YYYY-MM-DD), included'),
    to: IsoDateSchema.describe('Last service date (YYYY-MM-DD), included'),
    port: PortsParam,
  })
  .superRefine((q, ctx) => {
    // zod runs object refinements even when a field failed: a malformed date was reported already.
    if (!isIsoDate(q.from) || !isIsoDate(q.to)) return;
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
    else if (rangeLength(q.from, q.to) > MAX_RANGE_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${MAX_RANGE_DAYS} days after from (both included)` });
    }
  });
export type StatsRangeQuery = z.output<typeof StatsRangeQuerySchema>;

export const StatsTodayQuerySchema = z.object({ port: PortsParam });
export type StatsTodayQuery = z.output<typeof StatsTodayQuerySchema>;

const count = z.number().int().nonnegative();
const fraction = z.number().nullable();
const OutcomeCountsSchema = z.record(z.string(), count).describe('Processed appointments per outcome code');

export const DailyStatSchema = z
  .object({
    date: z.string().describe('Port-local service date'),
    port: z.string().describe('Port slug'),
    capacity: count.describe('Effective daily slot limit (date override, else weekday default)'),
    booked: count.describe('Appointments not cancelled'),
    checkedIn: count.describe('Arrived on time: checked in or processed'),
    late: count.describe('Arrived after the deadline (slot forfeited)'),
    noShow: count.describe('Marked no-show, or still scheduled after the deadline'),
    processed: count,
    cancelled: count,
    outcomes: OutcomeCountsSchema,
    inProgress: count.describe('Checked in on time, outcome not yet recorded'),
    arrived: count.describe('checkedIn + late'),
    utilisation: fraction.describe('arrived / capacity'),
    noShowRate: fraction.describe('noShow / (arrived + noShow)'),
    lateRate: fraction.describe('late / (arrived + noShow)'),
  })
  .meta({ id: 'DailyStat' });
export type DailyStat = z.infer<typeof DailyStatSchema>;

export const DailyStatsSchema = z.object({ days: z.array(DailyStatSchema) });
export type DailyStats = z.infer<typeof DailyStatsSchema>;

export const MinutesToOutcomeSchema = z.object({
  median: z.number().nullable(),
  p90: z.number().nullable(),
  count,
});

export const PeriodTotalsSchema = z
  .object({
    port: z.string().nullable().describe('Port slug, or null for all selected ports together'),
    capacity: count,
    booked: count,
    checkedIn: count,
    late: count,
    noShow: count,
    processed: count,
    cancelled: count,
    inProgress: count,
    outcomes: OutcomeCountsSchema,
    arrived: count,
    utilisation: fraction,
    noShowRate: fraction,
    lateRate: fraction,
    minutesToOutcome: MinutesToOutcomeSchema.describe(
      'Whole minutes from check-in to outcome: percentile_cont over a histogram of one-minute buckets kept per port-day. Bucket error: within one bucket (1 minute) while the ranks interpolated between are under 240 minutes (exact, as the figure is whole minutes); durations of 240 minutes or more fall in one overflow bucket and count as 240, so a percentile touching it is a lower bound. count = processed appointments with an arrival and an outcome',
    ),
  })
  .meta({ id: 'PeriodTotals' });
export type PeriodTotals = z.infer<typeof PeriodTotalsSchema>;

export const SummarySchema = z.object({
  from: z.string(),
  to: z.string(),
  total: PeriodTotalsSchema,
  ports: z.array(PeriodTotalsSchema),
  previous: z.object({ from: z.string(), to: z.string(), total: PeriodTotalsSchema }),
});
export type Summary = z.infer<typeof SummarySchema>;

export const HourlySchema = z.object({
  hours: z.array(
    z.object({
      hour: z.number().int().min(0).max(23).describe('Hour of the port-local day'),
      scheduled: count.describe('Appointments (not cancelled) scheduled in this hour'),
      arrived: count.describe('Arrivals (on time or late) in this hour'),
    }),
  ),
});
export type Hourly = z.infer<typeof HourlySchema>;

export const TodayPortSchema = z.object({
  port: z.string(),
  name: z.string(),
  date: z.string().describe('Port-local date now'),
  capacity: count,
  booked: count,
  arrived: count.describe('Checked in, late or processed'),
  stillDue: count.describe('Scheduled and the deadline has not passed'),
  noShows: count.describe('Marked or derived no-shows so far'),
  inProgress: count.describe('Checked in on time, no outcome yet'),
  processed: count,
});
export type TodayPort = z.infer<typeof TodayPortSchema>;

export const TodaySchema = z.object({ at: z.string().describe('Server time of the figures'), ports: z.array(TodayPortSchema) });
export type Today = z.infer<typeof TodaySchema>;
