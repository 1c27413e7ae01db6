/** An explicit no-show mark, only after the deadline (a passed deadline already reads as no-show). */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { now, portLocalClock } from '@/lib/time';
import { parseInput } from '@/lib/api/validate';
import { claimKey, requestHash } from '@/lib/idempotency';
import { appointmentById, arrivalSnapshot, lockAppointment } from '@/lib/appointments/load';
import { applyArrivalChange } from './arrival-change';
import { judgeTap, replayAudit, ReplayInputSchema } from './replay';
import { deadline, decideNoShow } from './rules';
import type { Appointment } from './schemas';

/** `rawInput` (idempotency key, replayed tap time) is parsed after the scope check, as for check-in. */
export async function markNoShow(actor: Actor, appointmentId: string, rawInput: unknown = {}, headerKey?: string): Promise<{ appointment: Appointment }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId, 'appointment.noShow');
    const parsed = parseInput(ReplayInputSchema, rawInput, actor.locale);
    const key = parsed.idempotencyKey ?? headerKey;
    const scope = `no-show:${actor.userId}`;
    if (key) {
      const earlier = await claimKey<{ appointment: Appointment }>(tx, scope, key, requestHash([appointmentId]));
      if (earlier) return earlier;
    }
    const received = now();
    const tap = judgeTap(parsed, received, actor.locale);
    const at = tap.at;
    const decision = decideNoShow(row, at, row);
    if (decision.kind === 'refused') {
      if (decision.code === 'DEADLINE_NOT_PASSED') {
        const clock = portLocalClock(deadline(row.scheduledAt, row.graceMinutes), row.timeZone);
        throw new AppError('DEADLINE_NOT_PASSED', `The deadline (${clock}) has not passed yet.`, { es: `Aún no pasa la hora límite (${clock}).` });
      }
      const current = await appointmentById(tx, appointmentId, received);
      throw new AppError(decision.code, decision.code === 'ALREADY_ARRIVED' ? 'This person has already arrived.' : 'This appointment can no longer be marked.', {
        details: { appointment: current },
      });
    }
    const offline = replayAudit(tap, row.timeZone);
    return applyArrivalChange(tx, actor, {
      row,
      set: sql`status = 'no_show'::appointment_status`,
      from: ['scheduled'],
      received,
      idempotency: key ? { scope, key } : null,
      audit: {
        action: 'appointment.no_show_marked',
        targetType: 'appointment',
        targetId: row.id,
        portId: row.portId,
        before: arrivalSnapshot(row),
        after: { ...arrivalSnapshot({ status: 'no_show', arrivedAt: null, membersPresent: null, version: row.version + 1 }), ...(offline.offline ? { offline: offline.offline } : {}) },
        reason: offline.reason,
      },
      conflict: new AppError('CONFLICT', 'The appointment changed meanwhile. Try again.', { es: 'La cita cambió mientras tanto. Inténtelo de nuevo.' }),
    });
  });
}
