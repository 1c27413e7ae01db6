import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
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
