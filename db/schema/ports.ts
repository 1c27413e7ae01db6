import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, smallint, text, timestamp, varchar } from 'drizzle-orm/pg-core';

export const ports = pgTable(
  'ports',
  {
    id: serial().primaryKey(),
    slug: varchar({ length: 40 }).notNull().unique(),
    name: text().notNull(),
    state: varchar({ length: 2 }).notNull(),
    timeZone: text().notNull(),
    code: varchar({ length: 4 }).notNull().unique(),
    graceMinutes: smallint().notNull().default(15),
    active: boolean().notNull().default(true),
    /** How many days ahead (port-local) bookings are accepted. */
    bookingWindowDays: smallint().notNull().default(60),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('ports_grace_minutes_range', sql`${t.graceMinutes} between 0 and 120`),
    check('ports_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('ports_booking_window_range', sql`${t.bookingWindowDays} between 1 and 366`),
    check('ports_code_format', sql`${t.code} ~ '^[0-9]{4}$'`),
  ],
);

export type PortRow = typeof ports.$inferSelect;
