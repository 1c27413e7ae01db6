import 'server-only';
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Role } from '@/db/schema';
import { portChangeKindOf, portChangeNotification } from '@/lib/live/notify';
import { now } from '@/lib/time';
import { eventHmac, type HashableEvent } from './hash';
import { auditKeyring } from './keys';

export interface AuditActor {
  userId: string | null;
  role: Role | null;
  /** For actors without a user row: an intake key name, "system", an email that failed to sign in. */
  label?: string | null;
  requestId?: string | null;
}

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  portId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Chains per port. One chain per port made every write at a busy port wait for the previous
 * writer's commit (64 kiosks queued behind one lock); with several, concurrent writers rarely
 * meet. The verifier checks each (port, chain) on its own.
 */
export const AUDIT_CHAINS_PER_PORT = 16;

/** All events about one target land in the same chain, so its history reads as one sequence. */
export function auditChainFor(targetId: string | null | undefined): number {
  if (!targetId) return 0;
  return createHash('sha256').update(targetId).digest().readUInt16BE(0) % AUDIT_CHAINS_PER_PORT;
}

/**
 * Appends one event to its chain. Must be called inside the same transaction as the change it
 * records: if this insert fails, the change rolls back with it. The advisory lock serialises
 * writers of one chain so each event links to the true previous one.
 */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, input: AuditInput): Promise<void> {
  await tx.execute(sql`select ${auditChainLockSql(input.portId ?? null, input.targetId)}`);
  await recordAuditUnderLock(tx, actor, input);
}

/**
 * recordAudit for a caller that already took the chain lock (auditChainLockSql) in an earlier
 * statement of this transaction, e.g. inside its own update (lib/roster/check-in.ts): one round trip less.
 */
export async function recordAuditUnderLock(tx: DbOrTx, actor: AuditActor, input: AuditInput): Promise<void> {
  const [head] = await queryRows<AuditHead>(tx, sql`select ${auditHeadColumns(input)}`);
  await appendAuditEvent(tx, actor, input, head!);
}

/**
 * The chain lock as an SQL expression, for a hot path that takes it inside a statement it runs anyway
 * (lib/roster/check-in.ts: its update). Rules: take it after the rows the verb changes are locked
 * (row first, chain second, as every verb does, so two verbs never wait on each other in a circle), and
 * never in the statement that reads the head: that statement's snapshot would predate the lock, and
 * the head could be stale. Held until commit, so it goes in the verb's last statement before the audit.
 */
export function auditChainLockSql(portId: number | null, targetId: string | null | undefined): SQL {
  return sql`pg_advisory_xact_lock(${AUDIT_LOCK_NAMESPACE}, ${(portId ?? 0) * AUDIT_CHAINS_PER_PORT + auditChainFor(targetId)})`;
}

/** What the chain-head read returns. */
interface AuditHead {
  audit_id: number | string;
  audit_prev: string | null;
  audit_before: string | null;
  audit_after: string | null;
}

/**
 * The chain-head read, in a statement after the one that took the chain lock. The id is signed too, so it is
 * drawn here (under the chain lock, so chain order is id order), in the same round trip that reads the
 * chain's head and has PostgreSQL spell the jsonb values exactly as the verifier will read them back
 * (lib/audit/hash.ts). Every roster-visible change is audited here, in its own transaction: the one
 * place to tell the live streams (lib/live), in the same round trip too. PostgreSQL delivers the
 * notification at commit, or never.
 */
function auditHeadColumns(input: AuditInput): SQL {
  const portId = input.portId ?? null;
  const chain = auditChainFor(input.targetId);
  const before = input.before ?? null;
  const after = input.after ?? null;
  const kind = portChangeKindOf(input.action);
  const notify = kind
    ? sql`, ${portChangeNotification({ portId, kind, appointmentId: input.targetType === 'appointment' ? (input.targetId ?? null) : null })} as audit_notified`
    : sql``;
  return sql`nextval('audit_events_id_seq') as audit_id,
          (select hash from audit_events where ${portId === null ? sql`port_id is null` : sql`port_id = ${portId}`} and chain = ${chain}
           order by id desc limit 1) as audit_prev,
          ${before === null ? null : JSON.stringify(before)}::jsonb::text as audit_before,
          ${after === null ? null : JSON.stringify(after)}::jsonb::text as audit_after${notify}`;
}

/** Signs and inserts the event whose head (id, previous hash, jsonb spelling) was read under the chain lock. */
async function appendAuditEvent(tx: DbOrTx, actor: AuditActor, input: AuditInput, head: AuditHead): Promise<void> {
  const portId = input.portId ?? null;
  const key = auditKeyring().current;
  const at = now();
  const event: HashableEvent = {
    id: Number(head.audit_id),
    at: at.toISOString(),
    actorId: actor.userId,
    actorRole: actor.role,
    actorLabel: actor.label ?? null,
    portId,
    chain: auditChainFor(input.targetId),
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    before: head.audit_before,
    after: head.audit_after,
    reason: input.reason ?? null,
    requestId: actor.requestId ?? null,
    keyId: key.id,
    prevHash: head.audit_prev ?? null,
  };
  await tx
    .insert(auditEvents)
    .values({ ...event, id: Number(head.audit_id), at, actorRole: actor.role, before: input.before ?? null, after: input.after ?? null, hash: eventHmac(key.secret, event) });
}

/** Distinct first key for pg_advisory_xact_lock(int, int) so audit locks never collide with others. */
const AUDIT_LOCK_NAMESPACE = 7201;
