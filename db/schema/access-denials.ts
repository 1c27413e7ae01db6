import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Anonymous refusals counted per client address and minute (lib/audit/access-denial.ts). The audit
 * trail gets an event at the 1st, 10th, 100th… refusal of a row, so a flood adds a bounded number
 * of audit rows while this table keeps the exact count.
 */
export const accessDenialCounts = pgTable(
  'access_denial_counts',
  {
    minute: timestamp({ withTimezone: true }).notNull(),
    address: text().notNull(),
    hits: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.address] })],
);
