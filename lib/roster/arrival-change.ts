/**
 * The ending every arrival verb (check-in, no-show, undo) shares once its rule has said yes: in one
 * statement, change the locked row (only if its status and version are still what the rule judged),
 * build the answer from the updated row, store it under the caller's idempotency key and take the
 * audit chain's lock (after the row lock lockAppointment took, never before); then append the audit
 * event, last, so the chain lock is held only until commit (chain head and insert): three round trips
 * where the update, the re-read, the stored answer and the audit append took six.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/client';
import type { AppointmentStatus } from '@/db/schema';
import type { LockedAppointment } from '@/lib/appointments/load';
import { personActor } from '@/lib/audit/actor';
import { auditChainLockSql, recordAuditUnderLock, type AuditInput } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { APPOINTMENT_RELATIONS, appointmentJsonSql } from './queries';
import type { Appointment } from './schemas';

export interface ArrivalChange {
  row: Pick<LockedAppointment, 'id' | 'portId' | 'version'>;
  /** The columns to set, as `column = value` SQL (version and the status change stamp are added here). */
  set: SQL;
  /** The statuses the rule judged the row in: if it left them meanwhile, nothing changes. */
  from: readonly AppointmentStatus[];
  received: Date;
  idempotency: { scope: string; key: string } | null;
  audit: AuditInput;
  /** Thrown when the row changed since it was locked. */
  conflict: AppError;
}

export async function applyArrivalChange(tx: Tx, actor: Actor, change: ArrivalChange): Promise<{ appointment: Appointment }> {
  const { row, received, idempotency } = change;
  const statuses = sql.join(
    change.from.map((s) => sql`${s}::appointment_status`),
    sql`, `,
  );
  const stored = idempotency
    ? sql`, stored as (update idempotency_records set response_status = 200, response_body = (select body from answer)
          where scope = ${idempotency.scope} and key = ${idempotency.key} returning 1)`
    : sql``;
  const [changed] = await queryRows<{ body: string | null }>(
    tx,
    sql`with a as (
        update appointments set ${change.set}, status_changed_at = ${received.toISOString()}::timestamptz,
          status_changed_by = ${actor.userId}::uuid, version = ${row.version + 1}::int
        where id = ${row.id}::uuid and status in (${statuses}) and version = ${row.version}::int
        returning *),
      answer as (select json_build_object('appointment', ${appointmentJsonSql(received)})::text as body from a ${APPOINTMENT_RELATIONS})${stored},
      chain as (select ${auditChainLockSql(row.portId, row.id)} where exists (select 1 from a))
      select (select body from answer) as body${idempotency ? sql`, (select count(*) from stored) as stored` : sql``}, (select count(*) from chain) as locked`,
  );
  if (!changed?.body) throw change.conflict;
  const result = JSON.parse(changed.body) as { appointment: Appointment };
  await recordAuditUnderLock(tx, personActor(actor), change.audit);
  return result;
}
