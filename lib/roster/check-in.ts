/**
 * Check-in: the server's clock decides on time or late (for a replayed offline tap, the tap's time
 * corrected by the kiosk's measured clock offset, within a bound: lib/roster/replay.ts). Exactly one of many concurrent
 * check-ins of the same person wins; the others learn who checked them in and when.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import type { Actor } from '@/lib/auth/actor';
import { parseInput } from '@/lib/api/validate';
import type { AuditInput } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { now, portLocalClock } from '@/lib/time';
import { claimKey, requestHash } from '@/lib/idempotency';
import { appointmentById, arrivalSnapshot, lockAppointment } from '@/lib/appointments/load';
import { applyArrivalChange } from './arrival-change';
import { flagStaleTap, judgeTap, replayAudit, ReplayFields } from './replay';
import { decideCheckIn, deadline, validMembersPresent } from './rules';
import type { Appointment } from './schemas';

export const CheckInInputSchema = z.object({
  membersPresent: z.number().int().min(1).max(12).optional(),
  ...ReplayFields,
});

export interface CheckInResult {
  appointment: Appointment;
}

/**
 * `rawInput` is parsed only after the appointment is loaded and the actor's right to it checked, so a
 * caller without that right learns nothing from validation messages. `headerKey` is the Idempotency-Key
 * header, used when the body names none.
 */
export async function checkIn(actor: Actor, appointmentId: string, rawInput: unknown, headerKey?: string): Promise<CheckInResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId, 'appointment.checkIn');
    const parsed = parseInput(CheckInInputSchema, rawInput, actor.locale);
    const input = { ...parsed, idempotencyKey: parsed.idempotencyKey ?? headerKey };
    const scope = `check-in:${actor.userId}`;
    if (input.idempotencyKey) {
      const earlier = await claimKey<CheckInResult>(tx, scope, input.idempotencyKey, requestHash([appointmentId, input.membersPresent ?? null]));
      if (earlier) return earlier;
    }
    const received = now();
    // A replayed offline tap is judged at its corrected time (inside the bound), else at the received time.
    const tap = judgeTap(input, received, actor.locale);
    const at = tap.at;
    const decision = decideCheckIn(row, at, row);
    if (decision.kind === 'refused') {
      if (decision.code === 'ALREADY_ARRIVED') {
        const current = await appointmentById(tx, appointmentId, received);
        throw new AppError('ALREADY_ARRIVED', `Already arrived at ${current.arrivedAt ?? 'an earlier time'}${current.arrivedBy ? `, recorded by ${current.arrivedBy}` : ''}.`, {
          es: `Ya llegó${current.arrivedBy ? `; lo registró ${current.arrivedBy}` : ''}.`,
          details: { appointment: current },
        });
      }
      if (decision.code === 'WRONG_SERVICE_DATE') {
        throw new AppError('WRONG_SERVICE_DATE', `This appointment is for ${row.serviceDate}; check-in is possible only on that date at the port.`, {
          es: `Esta cita es para el ${row.serviceDate}; solo se puede registrar la llegada ese día.`,
        });
      }
      throw new AppError('CONFLICT', 'This appointment was cancelled.', { es: 'Esta cita fue cancelada.' });
    }
    const membersPresent = validMembersPresent(input.membersPresent, row.partySize);
    if (membersPresent === null) {
      throw new AppError('VALIDATION', `Members present must be between 1 and ${row.partySize}.`, {
        es: `Las personas presentes deben ser entre 1 y ${row.partySize}.`,
        fields: { membersPresent: `must be 1-${row.partySize}` },
      });
    }
    const status = decision.kind;
    await flagStaleTap(tx, row.id, tap);
    const offline = replayAudit(tap, row.timeZone);
    const audit: AuditInput = {
      action: status === 'late' ? 'appointment.arrived_late' : 'appointment.checked_in',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: arrivalSnapshot(row),
      after: {
        ...arrivalSnapshot({ status, arrivedAt: at, membersPresent, version: row.version + 1 }),
        deadline: portLocalClock(deadline(row.scheduledAt, row.graceMinutes), row.timeZone),
        ...(offline.offline ? { offline: offline.offline } : {}),
      },
      reason: offline.reason,
    };
    return applyArrivalChange(tx, actor, {
      row,
      set: sql`status = ${status}::appointment_status, arrived_at = ${at.toISOString()}::timestamptz, arrived_by = ${actor.userId}::uuid, members_present = ${membersPresent}::int`,
      from: ['scheduled', 'no_show'],
      received,
      idempotency: input.idempotencyKey ? { scope, key: input.idempotencyKey } : null,
      audit,
      conflict: new AppError('CONFLICT', 'The appointment changed while checking in. Try again.', { es: 'La cita cambió mientras se registraba la llegada. Inténtelo de nuevo.' }),
    });
  });
}
