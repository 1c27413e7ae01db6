/**
 * The interview outcome: a checked-in appointment becomes processed, with its code, notes and
 * interpreter. Of two officers submitting on the same record, the second gets STALE_VERSION (or
 * CONFLICT without expectedVersion) with the current values, never a silent overwrite. With an
 * idempotency key (an outcome kept offline and replayed), a second delivery returns the first answer.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { appointments, outcomes } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { lockAppointmentWithOutcome, stateSnapshot } from '@/lib/appointments/load';
import { recordAppointmentById } from '@/lib/appointments/queries';
import type { RecordAppointment } from '@/lib/appointments/schemas';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { outcomeValidationError, staleVersionError } from './errors';
import { findOutcomeCode } from './queries';
import { decideOutcome, validateOutcome } from './rules';
import { RecordOutcomeInputSchema, type RecordOutcomeInput } from './schemas';
import { personActor } from '@/lib/audit/actor';
import { claimKey, requestHash, storeResult } from '@/lib/idempotency';

type OutcomeResult = { appointment: RecordAppointment };

/** `headerKey` is the Idempotency-Key header, used when the body names none. */
export async function recordOutcome(actor: Actor, appointmentId: string, rawInput: RecordOutcomeInput, headerKey?: string): Promise<OutcomeResult> {
  assertCan(actor, 'appointment.outcome');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointmentWithOutcome(tx, actor, appointmentId, 'appointment.outcome');
    // Parsed only once the actor's right to this appointment is checked: no validation detail for outsiders.
    const input = parseInput(RecordOutcomeInputSchema, rawInput, actor.locale);
    const key = input.idempotencyKey ?? headerKey;
    const scope = `outcome:${actor.userId}`;
    if (key) {
      // The appointment is part of the hash: a queued entry edited to another appointment is a mismatch, not a replay.
      const earlier = await claimKey<OutcomeResult>(tx, scope, key, requestHash([appointmentId, { ...input, idempotencyKey: undefined }]));
      if (earlier) return earlier;
    }
    const valid = validateOutcome(input, await findOutcomeCode(tx, input.code));
    if (!valid.ok) throw outcomeValidationError(valid.fields, actor.locale);
    const at = now();
    const decision = decideOutcome(row, input.expectedVersion);
    if (decision.kind === 'refused') {
      const current = await recordAppointmentById(tx, row.id, at);
      if (decision.code === 'STALE_VERSION') throw staleVersionError(current);
      throw new AppError('CONFLICT', `Only a checked-in appointment can take an outcome; this one is ${current.status}.`, {
        es: `Solo una cita registrada puede recibir un resultado; esta está en situación ${current.status}.`,
        details: { appointment: current },
      });
    }
    const version = row.version + 1;
    const updated = await tx
      .update(appointments)
      .set({ status: 'processed', statusChangedAt: at, statusChangedBy: actor.userId, version })
      .where(and(eq(appointments.id, row.id), eq(appointments.status, 'checked_in'), eq(appointments.version, row.version)))
      .returning({ id: appointments.id });
    if (updated.length !== 1) throw new AppError('CONFLICT', 'The appointment changed while recording the outcome. Reload and try again.', { es: 'La cita cambió mientras se registraba el resultado. Vuelva a cargar e inténtelo de nuevo.' });
    await tx.insert(outcomes).values({
      appointmentId: row.id,
      code: valid.outcome.code,
      notes: valid.outcome.notes,
      interpreterLanguage: valid.outcome.interpreterLanguage,
      recordedAt: at,
      recordedBy: actor.userId,
    });
    const result: OutcomeResult = { appointment: await recordAppointmentById(tx, row.id, at) };
    if (key) await storeResult(tx, scope, key, 200, result);
    await recordAudit(tx, personActor(actor), {
      action: 'appointment.outcome_recorded',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: stateSnapshot(row),
      after: stateSnapshot({ ...row, status: 'processed', outcome: valid.outcome, version }),
    });
    return result;
  });
}
