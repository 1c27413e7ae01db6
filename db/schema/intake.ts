import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { ports } from './ports';
import { users } from './users';

/** Keys for the upstream scheduling system; only a SHA-256 of the secret is stored. */
export const intakeKeys = pgTable('intake_keys', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  keyHash: text().notNull().unique(),
  keyPrefix: varchar({ length: 16 }).notNull(),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

/** Stored responses for Idempotency-Key replays, shared by every app instance. */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    scope: text().notNull(),
    key: varchar({ length: 255 }).notNull(),
    requestHash: text().notNull(),
    responseStatus: integer(),
    responseBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_records_created_idx').on(t.createdAt),
    check('idempotency_key_length', sql`length(${t.key}) between 1 and 255`),
  ],
);

/**
 * Active (not cancelled) appointments per port and service date. The booking path reserves a slot with
 * a conditional `update ... set booked = booked + 1 where booked < limit`: the row lock serialises
 * concurrent bookers, so capacity cannot be exceeded whatever the concurrency.
 * Rebuilt from appointments by `npm run capacity:rebuild` (after bulk loads such as the demo seed).
 */
export const dailyBookings = pgTable(
  'daily_bookings',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    booked: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.portId, t.serviceDate] }), check('daily_bookings_non_negative', sql`${t.booked} >= 0`)],
);

/** The same count summed over all ports for a service date, bounded by national_cap.daily_cap. */
export const nationalDailyBookings = pgTable(
  'national_daily_bookings',
  {
    serviceDate: date({ mode: 'string' }).primaryKey(),
    booked: integer().notNull().default(0),
  },
  (t) => [check('national_daily_bookings_non_negative', sql`${t.booked} >= 0`)],
);

/**
 * Per-minute request counts per intake key (read as a sliding window, lib/intake/rate-limit.ts). Each request increments one of a few shards, chosen at
 * random, so 200 concurrent clients of one key do not queue on a single row; the window total is the sum.
 */
export const intakeRateWindows = pgTable(
  'intake_rate_windows',
  {
    // No foreign key: GLOBAL_RATE_KEY (lib/intake/rate-limit.ts) counts all keys together.
    keyId: uuid().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    shard: smallint().notNull(),
    hits: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart, t.shard] }), index('intake_rate_windows_start_idx').on(t.windowStart)],
);

export const flagKindEnum = pgEnum('appointment_flag_kind', ['multiple_bookings', 'identity_match', 'repeated_reference', 'offline_tap']);
export const flagStatusEnum = pgEnum('appointment_flag_status', ['open', 'confirmed', 'dismissed']);

/**
 * Possible slot hoarding or duplicate people, found at booking and import time. A flag only asks a
 * supervisor to look: nothing is cancelled automatically.
 */
export const appointmentFlags = pgTable(
  'appointment_flags',
  {
    id: uuid().primaryKey().defaultRandom(),
    appointmentId: uuid()
      .notNull()
      .references(() => appointments.id),
    kind: flagKindEnum().notNull(),
    linkedAppointmentIds: uuid().array().notNull(),
    status: flagStatusEnum().notNull().default('open'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reason: text(),
    /** Why detection linked these appointments (e.g. swapped_names, dob_off_by_one), for the reviewer. */
    matchReasons: text().array(),
  },
  (t) => [
    // One flag of a kind per appointment; later matches extend its linked ids.
    uniqueIndex('appointment_flags_appointment_kind_unique').on(t.appointmentId, t.kind),
    index('appointment_flags_status_idx').on(t.status, t.createdAt),
    check('appointment_flags_reviewed', sql`(${t.status} = 'open') = (${t.reviewedAt} is null)`),
  ],
);
