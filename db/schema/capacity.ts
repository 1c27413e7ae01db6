import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, smallint } from 'drizzle-orm/pg-core';
import { ports } from './ports';

/** Default daily slot limit per ISO weekday (1 = Monday ... 7 = Sunday). */
export const weekdayLimits = pgTable(
  'weekday_limits',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    isoWeekday: smallint().notNull(),
    dailyLimit: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portId, t.isoWeekday] }),
    check('weekday_limits_weekday_range', sql`${t.isoWeekday} between 1 and 7`),
    check('weekday_limits_non_negative', sql`${t.dailyLimit} >= 0`),
  ],
);

/** A single date's limit for one port; a closure is an override of 0. */
export const dateLimitOverrides = pgTable(
  'date_limit_overrides',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    dailyLimit: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portId, t.serviceDate] }),
    check('date_limit_overrides_non_negative', sql`${t.dailyLimit} >= 0`),
  ],
);

/** Single-row table: the national daily cap over the sum of all ports. */
export const nationalCap = pgTable(
  'national_cap',
  {
    id: smallint().primaryKey().default(1),
    dailyCap: integer().notNull().default(1000),
  },
  (t) => [
    check('national_cap_singleton', sql`${t.id} = 1`),
    check('national_cap_non_negative', sql`${t.dailyCap} >= 0`),
  ],
);
