import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { localeEnum, roleEnum } from './enums';
import { ports } from './ports';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    portId: integer().references(() => ports.id),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    locale: localeEnum().notNull().default('en'),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Case-insensitive uniqueness: "Ana@Example.gov" and "ana@example.gov" are one account.
    uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`),
    index('users_port_idx').on(t.portId),
    check('users_officer_has_port', sql`${t.role} <> 'officer' or ${t.portId} is not null`),
  ],
);

/** Server-side session rows: a JWT alone cannot be ended by sign-out or deactivation. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** Why it ended (lib/auth/end-sessions.ts); an ended row never comes back to life. */
    endReason: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed and successful sign-ins, counted in PostgreSQL so throttling holds across app instances. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    emailKey: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The client address (see lib/auth/client-address.ts): a recent success from it marks a known address. */
    address: text(),
  },
  (t) => [index('sign_in_attempts_email_at_idx').on(t.emailKey, t.at)],
);

/**
 * Throttle counters (lib/auth/throttle.ts), one row per key ("account:…", "address:…", "pair:…",
 * "global", "password:…"). Each attempt claims a slot with one atomic upsert before the password is
 * checked, so parallel guesses queue on the row lock and cannot all be evaluated.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index('auth_throttle_window_idx').on(t.windowStart)],
);

export type UserRow = typeof users.$inferSelect;
