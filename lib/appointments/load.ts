/** One appointment locked for a write, with its outcome, scoped to the actor (NOT_FOUND across ports). */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { appointments, outcomes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
import type { Action } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { assertAppointmentId } from './queries';

export async function lockAppointment(tx: DbOrTx, actor: Actor, id: string, action: Action) {
  assertAppointmentId(id);
  const [row] = await tx
    .select({
      id: appointments.id,
      portId: appointments.portId,
      status: appointments.status,
      partySize: appointments.partySize,
      arrivedAt: appointments.arrivedAt,
      membersPresent: appointments.membersPresent,
      documentNumber: appointments.documentNumber,
      version: appointments.version,
    })
    .from(appointments)
    .where(eq(appointments.id, id))
    .for('update')
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No such appointment.', { es: 'No existe esa cita.' });
  assertCanAtPort(actor, action, row.portId);
  const [outcome] = await tx
    .select({ code: outcomes.code, notes: outcomes.notes, interpreterLanguage: outcomes.interpreterLanguage })
    .from(outcomes)
    .where(eq(outcomes.appointmentId, id))
    .limit(1);
  return { ...row, outcome: outcome ?? null };
}

export type LockedAppointment = Awaited<ReturnType<typeof lockAppointment>>;

/** What an audit event keeps of an appointment's state: status, arrival, outcome, version. Never the person. */
export function stateSnapshot(r: Pick<LockedAppointment, 'status' | 'arrivedAt' | 'membersPresent' | 'version' | 'outcome'>) {
  return {
    status: r.status,
    arrivedAt: r.arrivedAt?.toISOString() ?? null,
    membersPresent: r.membersPresent,
    outcome: r.outcome,
    version: r.version,
  };
}
