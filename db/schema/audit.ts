import { bigserial, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from './enums';
import { ports } from './ports';
import { users } from './users';

/**
 * Append-only: a trigger (see migrations) refuses UPDATE and DELETE, and the runtime role
 * (portroster_app) holds only SELECT and INSERT on it.
 * prevHash/hash chain the events of one (port, chain) pair; portId null is the global chain.
 * Each port has several chains (see lib/audit/record.ts) so that concurrent writers at one busy
 * port do not queue behind a single chain lock; all events of one target stay in one chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => users.id),
    actorRole: roleEnum(),
    actorLabel: text(),
    portId: integer().references(() => ports.id),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    before: jsonb(),
    after: jsonb(),
    reason: text(),
    requestId: text(),
    chain: smallint().notNull().default(0),
    prevHash: text(),
    /** HMAC-SHA256 of the canonical event (lib/audit/hash.ts) under the key named by keyId. */
    hash: text(),
    /** Fingerprint of the AUDIT_HMAC_KEY that signed this event, so rotated keys still verify. */
    keyId: text(),
  },
  (t) => [
    index('audit_events_chain_head_idx').on(t.portId, t.chain, t.id),
    index('audit_events_port_at_idx').on(t.portId, t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_actor_idx').on(t.actorId, t.at),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
