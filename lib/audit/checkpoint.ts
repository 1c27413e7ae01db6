/**
 * Checkpoints: the signed heads of every audit chain, kept outside the database (a file an
 * operator ships off the machine) and in the append-only audit_checkpoints table. With one taken
 * before, a cut tail, a deleted chain or an emptied table is detected (lib/audit/verify.ts).
 *
 * The app writes one on a schedule (AUDIT_CHECKPOINT_MINUTES). Any instance may: the decision is
 * taken in PostgreSQL under an advisory lock from the last checkpoint's time, never from memory.
 */
import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '@/db/client';
import { auditCheckpoints, auditInstallation } from '@/db/schema';
import { now } from '@/lib/time';
import { signCheckpoint, type CheckpointDocument } from './checkpoint-file';
import type { AuditKeyring } from './keys';

/** Distinct first key for pg_try_advisory_xact_lock (record.ts uses 7201). */
const CHECKPOINT_LOCK_NAMESPACE = 7202;

export async function installationId(db: DbOrTx): Promise<string> {
  const [row] = await db.select({ id: auditInstallation.id }).from(auditInstallation).limit(1);
  if (!row) throw new Error('audit_installation is empty: run `npm run db:migrate`');
  return row.id;
}

async function readHeads(tx: DbOrTx) {
  return queryRows<{ port_id: number | null; chain: number; n: string | number; head_id: string | number; hash: string }>(
    tx,
    sql`with heads as (select port_id, chain, count(*) as n, max(id) as head_id from audit_events group by port_id, chain)
        select h.port_id, h.chain, h.n, h.head_id, e.hash from heads h join audit_events e on e.id = h.head_id
        order by h.port_id nulls first, h.chain`,
  );
}

/** Every chain head, read by one statement (one snapshot), signed with the current key. */
export async function takeCheckpoint(db: DbOrTx, keyring: AuditKeyring): Promise<CheckpointDocument> {
  const id = await installationId(db);
  const heads = await readHeads(db);
  const chains = heads.map((h) => ({ portId: h.port_id === null ? null : Number(h.port_id), chain: Number(h.chain), headId: Number(h.head_id), headHash: h.hash, events: Number(h.n) }));
  return signCheckpoint(keyring.current, {
    installationId: id,
    takenAt: now().toISOString(),
    maxEventId: chains.reduce((m, c) => Math.max(m, c.headId), 0),
    events: chains.reduce((n, c) => n + c.events, 0),
    chains,
  });
}

export async function storeCheckpoint(db: DbOrTx, doc: CheckpointDocument): Promise<void> {
  await db.insert(auditCheckpoints).values({ takenAt: new Date(doc.takenAt), maxEventId: doc.maxEventId, events: doc.events, keyId: doc.keyId, document: doc });
}

export interface CheckpointSchedule {
  intervalMinutes: number;
  last: { takenAt: string; events: number; maxEventId: number } | null;
  /** When the next scheduled checkpoint is due (now if none was ever taken). */
  nextDue: string;
}

export async function checkpointSchedule(db: DbOrTx, intervalMinutes: number): Promise<CheckpointSchedule> {
  const [last] = await db
    .select({ takenAt: auditCheckpoints.takenAt, events: auditCheckpoints.events, maxEventId: auditCheckpoints.maxEventId })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(1);
  const due = last ? new Date(last.takenAt.getTime() + intervalMinutes * 60_000) : now();
  return {
    intervalMinutes,
    last: last ? { takenAt: last.takenAt.toISOString(), events: last.events, maxEventId: last.maxEventId } : null,
    nextDue: due.toISOString(),
  };
}

/**
 * Writes a checkpoint when the last one is older than the interval. Returns it, or null when it was
 * not due or another instance holds the lock right now.
 */
export async function writeCheckpointIfDue(db: Db, keyring: AuditKeyring, intervalMinutes: number): Promise<CheckpointDocument | null> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${CHECKPOINT_LOCK_NAMESPACE}, 0) as locked`);
    if (!lock?.locked) return null;
    const schedule = await checkpointSchedule(tx, intervalMinutes);
    // The app's own role may insert rows here: one dated in the future must not stop the schedule.
    const forgedFuture = schedule.last !== null && new Date(schedule.last.takenAt) > now();
    if (schedule.last && !forgedFuture && new Date(schedule.nextDue) > now()) return null;
    const doc = await takeCheckpoint(tx, keyring);
    await storeCheckpoint(tx, doc);
    return doc;
  });
}
