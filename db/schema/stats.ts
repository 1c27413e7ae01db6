import { date, integer, pgTable, primaryKey, smallint, varchar } from 'drizzle-orm/pg-core';
import { appointmentStatusEnum } from './enums';
import { ports } from './ports';

/**
 * Daily rollup of appointments by stored status, per port and port-local service date.
 * Kept exact by statement-level triggers on appointments and outcomes (migration
 * stats_daily_rollup_triggers), so it changes in the same transaction as every write
 * whichever verb makes it; `npx tsx scripts/stats-rebuild.ts` rebuilds it from scratch.
 */
export const statsDaily = pgTable(
  'stats_daily',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    status: appointmentStatusEnum().notNull(),
    /** Counts are spread over a few rows per key (readers sum them) so concurrent check-ins do not queue on one row lock. */
    shard: smallint().notNull().default(0),
    n: integer().notNull(),
  },
  // No check on n: a write must never fail because the rollup drifted; the rebuild repairs it.
  (t) => [primaryKey({ columns: [t.serviceDate, t.portId, t.status, t.shard] })],
);

/** Outcome codes of processed appointments per port and service date (same triggers). */
export const statsDailyOutcomes = pgTable(
  'stats_daily_outcomes',
  {
    portId: integer()
      .notNull()
      .references(() => ports.id),
    serviceDate: date({ mode: 'string' }).notNull(),
    code: varchar({ length: 40 }).notNull(),
    shard: smallint().notNull().default(0),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceDate, t.portId, t.code, t.shard] })],
);
