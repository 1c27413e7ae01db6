/** Undo of a mistaken tap: the same officer, within two minutes, back to scheduled. */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { appointments } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { parseInput } from '@/lib/api/validate';
import { claimKey, requestHash, storeResult } from '@/lib/idempotency';
import { appointmentById, arrivalSnapshot, lockAppointment } from '@/lib/appointments/load';
import { judgeTap, replayAudit, ReplayInputSchema } from './replay';
import { canUndo } from './rules';
import type { Appointment } from './schemas';
import { personActor } from '@/lib/audit/actor';

const UNDOABLE = ['checked_in', 'late', 'no_show'] as const;

/** `rawInput` (idempotency key, replayed tap time) is parsed after the scope check, as for check-in. */
export async function undoArrival(actor: Actor, appointmentId: string, rawInput: unknown = {}, headerKey?: string): Promise<{ appointment: Appointment }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId, 'appointment.undo');
    const parsed = parseInput(ReplayInputSchema, rawInput, actor.locale);
    const key = parsed.idempotencyKey ?? headerKey;
    const scope = `undo:${actor.userId}`;
    if (key) {
      const earlier = await claimKey<{ appointment: Appointment }>(tx, scope, key, requestHash([appointmentId]));
      if (earlier) return earlier;
    }
    const received = now();
    const tap = judgeTap(parsed, received, actor.locale);
    const at = tap.at;
    const undoable = (UNDOABLE as readonly string[]).includes(row.status);
    if (!undoable || !canUndo({ by: row.statusChangedBy, at: row.statusChangedAt }, actor.userId, at)) {
      throw new AppError('UNDO_EXPIRED', 'Only your own check-in or no-show can be undone, within two minutes. Ask a supervisor for a correction.', {
        es: 'Solo puede deshacer su propio registro o ausencia, dentro de dos minutos. Pida una corrección a un supervisor.',
      });
    }
    const updated = await tx
      .update(appointments)
      .set({ status: 'scheduled', arrivedAt: null, arrivedBy: null, membersPresent: null, statusChangedAt: received, statusChangedBy: actor.userId, version: row.version + 1 })
      .where(and(eq(appointments.id, row.id), inArray(appointments.status, [...UNDOABLE]), eq(appointments.version, row.version)))
      .returning({ id: appointments.id });
    if (updated.length !== 1) throw new AppError('CONFLICT', 'The appointment changed meanwhile.');
    const appointment = { appointment: await appointmentById(tx, row.id, received) };
    if (key) await storeResult(tx, scope, key, 200, appointment);
    const offline = replayAudit(tap, row.timeZone);
    // The audit insert goes last: it takes the port's chain lock, held only until commit.
    await recordAudit(tx, personActor(actor), {
      action: 'appointment.arrival_undone',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: arrivalSnapshot(row),
      after: { ...arrivalSnapshot({ status: 'scheduled', arrivedAt: null, membersPresent: null, version: row.version + 1 }), ...(offline.offline ? { offline: offline.offline } : {}) },
      reason: offline.reason,
    });
    return appointment;
  });
}
