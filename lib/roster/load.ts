/** Shared loading for the arrival verbs: one appointment with its port, scoped to the actor. */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { appointments, ports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
import type { Action } from '@/lib/auth/permissions';
import { assertAppointmentId } from '@/lib/appointments/queries';
import { AppError } from '@/lib/errors';
import { APPOINTMENT_JOINS, appointmentJsonSql } from './queries';
import type { Appointment } from './schemas';

export async function loadForUpdate(tx: DbOrTx, actor: Actor, appointmentId: string, action: Action) {
  assertAppointmentId(appointmentId);
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
      version: appointments.version,
      timeZone: ports.timeZone,
      graceMinutes: ports.graceMinutes,
    })
    .from(appointments)
    .innerJoin(ports, eq(ports.id, appointments.portId))
    .where(eq(appointments.id, appointmentId))
    .for('update', { of: appointments })
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No such appointment.');
  assertCanAtPort(actor, action, row.portId);
  return row;
}


/** The appointment in the API's shape, as any reader would see it at `at`. */
export async function appointmentById(db: DbOrTx, id: string, at: Date): Promise<Appointment> {
  const [row] = await queryRows<{ j: Appointment | string }>(db, sql`select ${appointmentJsonSql(at)} as j ${APPOINTMENT_JOINS} where a.id = ${id}`);
  if (!row) throw new AppError('NOT_FOUND', 'No such appointment.');
  return typeof row.j === 'string' ? (JSON.parse(row.j) as Appointment) : row.j;
}

/** The audit "before/after" of an arrival change: only what changed, never personal data. */
export function arrivalSnapshot(r: { status: string; arrivedAt: Date | null; membersPresent: number | null; version: number }) {
  return { status: r.status, arrivedAt: r.arrivedAt?.toISOString() ?? null, membersPresent: r.membersPresent, version: r.version };
}
