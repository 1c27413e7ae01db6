import { z } from 'zod';
import { isIsoDate } from '@/lib/time';

/** A realistic ceiling: a day at one port can reach the whole national cap, not millions. */
export const MAX_LIMIT = 100_000;

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' });
const Limit = z.number().int().min(0).max(MAX_LIMIT);

export const WeekdayLimitsBodySchema = z
  .object({
    mon: Limit,
    tue: Limit,
    wed: Limit,
    thu: Limit,
    fri: Limit,
    sat: Limit,
    sun: Limit,
    from: IsoDateSchema.optional().describe(
      'First date the new defaults apply to; dates before it keep their current limit (pinned as overrides).',
    ),
  })
  .strict()
  .meta({ id: 'WeekdayLimits' });

export const DateLimitBodySchema = z.object({ limit: Limit }).strict();
export const NationalCapBodySchema = z.object({ dailyCap: z.number().int().min(0).max(MAX_LIMIT * 10) }).strict();

export const CapacityQuerySchema = z.object({
  port: z.string().max(40).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

export const CapacityDaySchema = z.object({
  date: z.string(),
  port: z.string(),
  portName: z.string(),
  portActive: z.boolean(),
  limit: z.number().int(),
  booked: z.number().int(),
  remaining: z.number().int(),
  source: z.enum(['weekday', 'override']),
});
export type CapacityDayJson = z.infer<typeof CapacityDaySchema>;

export const NationalDaySchema = z.object({
  date: z.string(),
  limit: z.number().int().describe('Sum of the active ports\u2019 limits'),
  booked: z.number().int(),
  cap: z.number().int(),
});
export type NationalDayJson = z.infer<typeof NationalDaySchema>;

export const CapacityCalendarSchema = z.object({
  days: z.array(CapacityDaySchema),
  national: z.array(NationalDaySchema),
  nationalCap: z.number().int(),
  weekdays: z.record(z.string(), z.record(z.string(), z.number().int())).describe('Weekday defaults per port slug'),
});
export type CapacityCalendar = z.infer<typeof CapacityCalendarSchema>;

