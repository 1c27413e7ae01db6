/** Undo of a mistaken tap: the same officer, within two minutes, back to scheduled. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { parseInput } from '@/lib/api/validate';
import { claimKey, requestHash } from '@/lib/idempotency';
import { arrivalSnapshot, lockAppointment } from '@/lib/appointments/load';
import { applyArrivalChange } from './arrival-change';
import { judgeTap, replayAudit, ReplayInputSchema } from './replay';
import { canUndo } from './rules';
import type { Appointment } from './schemas';

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
    const offline = replayAudit(tap, row.timeZone);
    return applyArrivalChange(tx, actor, {
      row,
      set: sql`status = 'scheduled'::appointment_status, arrived_at = null, arrived_by = null, members_present = null`,
      from: UNDOABLE,
      received,
      idempotency: key ? { scope, key } : null,
      audit: {
        action: 'appointment.arrival_undone',
        targetType: 'appointment',
        targetId: row.id,
        portId: row.portId,
        before: arrivalSnapshot(row),
        after: { ...arrivalSnapshot({ status: 'scheduled', arrivedAt: null, membersPresent: null, version: row.version + 1 }), ...(offline.offline ? { offline: offline.offline } : {}) },
        reason: offline.reason,
      },
      conflict: new AppError('CONFLICT', 'The appointment changed meanwhile. Try again.', { es: 'La cita cambió mientras tanto. Inténtelo de nuevo.' }),
    });
  });
}
