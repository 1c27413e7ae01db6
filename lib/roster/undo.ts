/** Undo of a mistaken tap: the same officer, within two minutes, back to scheduled. */
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { appointments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { appointmentById, arrivalSnapshot, loadForUpdate } from './load';
import { canUndo } from './rules';
import type { Appointment } from './schemas';
import { personActor } from '@/lib/audit/actor';

const UNDOABLE = ['checked_in', 'late', 'no_show'] as const;

export async function undoArrival(actor: Actor, appointmentId: string): Promise<{ appointment: Appointment }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await loadForUpdate(tx, actor, appointmentId, 'appointment.undo');
    const at = now();
    const undoable = (UNDOABLE as readonly string[]).includes(row.status);
    if (!undoable || !canUndo({ by: row.statusChangedBy, at: row.statusChangedAt }, actor.userId, at)) {
      throw new AppError('UNDO_EXPIRED', 'Only your own check-in or no-show can be undone, within two minutes. Ask a supervisor for a correction.', {
        es: 'Solo puede deshacer su propio registro o ausencia, dentro de dos minutos. Pida una corrección a un supervisor.',
      });
    }
    const updated = await tx
      .update(appointments)
      .set({ status: 'scheduled', arrivedAt: null, arrivedBy: null, membersPresent: null, statusChangedAt: at, statusChangedBy: actor.userId, version: row.version + 1 })
      .where(and(eq(appointments.id, row.id), inArray(appointments.status, [...UNDOABLE]), eq(appointments.version, row.version)))
      .returning({ id: appointments.id });
    if (updated.length !== 1) throw new AppError('CONFLICT', 'The appointment changed meanwhile.');
    const appointment = { appointment: await appointmentById(tx, row.id, at) };
    // The audit insert goes last: it takes the port's chain lock, held only until commit.
    await recordAudit(tx, personActor(actor), {
      action: 'appointment.arrival_undone',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: arrivalSnapshot(row),
      after: arrivalSnapshot({ status: 'scheduled', arrivedAt: null, membersPresent: null, version: row.version + 1 }),
    });
    return appointment;
  });
}
