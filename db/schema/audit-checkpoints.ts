import { bigint, bigserial, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per database, written by the migration: checkpoints sign it, so a checkpoint taken on
 * another database (a restored copy passed off as this one, a staging server) is told apart.
 */
export const auditInstallation = pgTable('audit_installation', {
  id: uuid().primaryKey().defaultRandom(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Signed heads of every audit chain (lib/audit/checkpoint.ts), append-only like audit_events.
 * `document` is the exact signed JSON an operator ships off the machine.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  takenAt: timestamp({ withTimezone: true }).notNull(),
  maxEventId: bigint({ mode: 'number' }).notNull(),
  events: bigint({ mode: 'number' }).notNull(),
  keyId: text().notNull(),
  document: jsonb().notNull(),
});

export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;
