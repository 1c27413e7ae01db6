import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { appointments } from './appointments';
import { users } from './users';

export const outcomeCodes = pgTable(
  'outcome_codes',
  {
    code: varchar({ length: 40 }).primaryKey(),
    labelEn: text().notNull(),
    labelEs: text().notNull(),
    requiresNote: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [check('outcome_codes_code_format', sql`${t.code} ~ '^[a-z][a-z0-9_]*$'`)],
);

/** One outcome per appointment; corrections replace it and the audit trail keeps the before. */
export const outcomes = pgTable(
  'outcomes',
  {
    appointmentId: uuid()
      .primaryKey()
      .references(() => appointments.id),
    // No cascade: a code in use can never be deleted.
    code: varchar({ length: 40 })
      .notNull()
      .references(() => outcomeCodes.code, { onDelete: 'restrict' }),
    notes: text(),
    interpreterLanguage: varchar({ length: 3 }),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('outcomes_code_idx').on(t.code)],
);
