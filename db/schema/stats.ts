import { date, integer, pgTable, primaryKey, smallint, timestamp, varchar } from 'drizzle-orm/pg-core';
import { ports } from './ports';

/*
 * Statistics rollups, per port and port-local service date. Kept exact by row-level triggers on
 * appointments and outcomes (migration 0010 stats_rollups), in the same transaction as every write
 * whichever verb makes it. `npm run stats:rebuild` recounts them from the appointments.
 * No check on the counters: a write must never fail because a rollup drifted; the rebuild repairs it.
 * Every dashboard figure (lib/stats) reads these tables only, never the appointments.
 */

/** Appointments by stored status per port-day (one row a day: a status change moves one row). */
export const statsPortDay = pgTable(
  'stats_port_day',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    scheduled: integer().notNull().default(0),
    checkedIn: integer().notNull().default(0),
    late: integer().notNull().default(0),
    noShow: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    cancelled: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate] })],
);

/**
 * Per port-day and hour of the port-local day: appointments not cancelled by the hour they are
 * scheduled, and arrivals (arrived_at set) by the hour they arrived.
 */
export const statsPortDayHour = pgTable(
  'stats_port_day_hour',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    hour: smallint().notNull(),
    scheduled: integer().notNull().default(0),
    arrived: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate, t.hour] })],
);

/**
 * Appointments whose stored status is still `scheduled`, per exact scheduled instant: the derived
 * no-show (deadline = scheduled_at + the port's grace, compared with the clock) is counted exactly
 * from these rows for the days whose figures still move with the clock (yesterday onwards).
 */
export const statsPortDayPending = pgTable(
  'stats_port_day_pending',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate, t.scheduledAt] })],
);

/** Outcome codes of processed appointments per port-day. */
export const statsPortDayOutcome = pgTable(
  'stats_port_day_outcome',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    code: varchar({ length: 40 }).notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate, t.code] })],
);

/**
 * Histogram of whole minutes from arrival to the recorded outcome of processed appointments,
 * per port-day: one-minute buckets 0..239, bucket 240 holds 240 minutes or more, bucket 0 also
 * holds a (clock-skewed) negative duration. Percentiles read from it are exact below 240 minutes
 * (the figure is whole minutes already); above, they report 240 (see lib/stats/rules.ts).
 */
export const statsPortDayMinutes = pgTable(
  'stats_port_day_minutes',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    minute: smallint().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate, t.minute] })],
);
