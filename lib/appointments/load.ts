/**
 * The one appointment loader of the write paths (arrivals, outcomes, document reveal, intake): an
 * appointment locked for a write, scoped to the actor (another port's appointment is NOT_FOUND),
 * in one row shape with what every rule needs (its port's time zone and grace); the appointment in
 * the API's shape after the write; and the audit snapshots of its state.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { appointments, outcomes, ports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
import type { Action } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { APPOINTMENT_JOINS, appointmentJsonSql } from '@/lib/roster/queries';
import type { Appointment } from '@/lib/roster/schemas';
import { assertAppointmentId } from './queries';

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
}

/** One statement: the appointment row locked (not its port), with its port's rules. */
export async function lockAppointment(tx: DbOrTx, actor: Actor, id: string, action: Action) {
  assertAppointmentId(id);
  const [row] = await tx
    .select({
      id: appointments.id,
      portId: appointments.portId,
      status: appointments.status,
      scheduledAt: appointments.scheduledAt,
      serviceDate: appointments.serviceDate,
      partySize: appointments.partySize,
      arrivedAt: appointments.arrivedAt,
      membersPresent: appointments.membersPresent,
      statusChangedAt: appointments.statusChangedAt,
      statusChangedBy: appointments.statusChangedBy,
      documentNumber: appointments.documentNumber,
      version: appointments.version,
      timeZone: ports.timeZone,
      graceMinutes: ports.graceMinutes,
    })
    .from(appointments)
    .innerJoin(ports, eq(ports.id, appointments.portId))
    .where(eq(appointments.id, id))
    .for('update', { of: appointments })
    .limit(1);
  if (!row) throw notFound();
  assertCanAtPort(actor, action, row.portId);
  return row;
}

export type LockedAppointment = Awaited<ReturnType<typeof lockAppointment>>;

/**
 * lockAppointment and its outcome. The outcome is read after the lock in a statement of its own: a
 * join in the locking statement would come from the snapshot taken before waiting for the lock and
 * miss an outcome the previous lock holder just committed.
 */
export async function lockAppointmentWithOutcome(tx: DbOrTx, actor: Actor, id: string, action: Action) {
  const row = await lockAppointment(tx, actor, id, action);
  const [outcome] = await tx
    .select({ code: outcomes.code, notes: outcomes.notes, interpreterLanguage: outcomes.interpreterLanguage })
    .from(outcomes)
    .where(eq(outcomes.appointmentId, id))
    .limit(1);
  return { ...row, outcome: outcome ?? null };
}

type WithOutcome = Awaited<ReturnType<typeof lockAppointmentWithOutcome>>;

/** The appointment in the API's shape, as any reader would see it at `at`. */
export async function appointmentById(db: DbOrTx, id: string, at: Date): Promise<Appointment> {
  const [row] = await queryRows<{ j: Appointment | string }>(db, sql`select ${appointmentJsonSql(at)} as j ${APPOINTMENT_JOINS} where a.id = ${id}`);
  if (!row) throw notFound();
  return typeof row.j === 'string' ? (JSON.parse(row.j) as Appointment) : row.j;
}

/** What an audit event keeps of an arrival change: status, arrival, version. Never the person. */
export function arrivalSnapshot(r: Pick<LockedAppointment, 'status' | 'arrivedAt' | 'membersPresent' | 'version'>) {
  return { status: r.status, arrivedAt: r.arrivedAt?.toISOString() ?? null, membersPresent: r.membersPresent, version: r.version };
}

/** arrivalSnapshot with the outcome, for the outcome verbs. */
export function stateSnapshot(r: Pick<WithOutcome, 'status' | 'arrivedAt' | 'membersPresent' | 'version' | 'outcome'>) {
  return { ...arrivalSnapshot(r), outcome: r.outcome };
}
