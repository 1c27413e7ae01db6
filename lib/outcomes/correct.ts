/**
 * A supervisor's (or admin's) correction of a status and/or an outcome, with a mandatory reason.
 * Nothing is deleted: the outcome is replaced in place and the audit event keeps before and after.
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
import { decideCorrection, validateOutcome, type ValidOutcome } from './rules';
import { CorrectionInputSchema, type CorrectionInput } from './schemas';
import { personActor } from '@/lib/audit/actor';

const VALIDATION_TEXT = {
  outcome_needs_processed: { en: 'an outcome goes with the status processed', es: 'un resultado va con la situación procesado' },
  processed_needs_outcome: { en: 'choose the outcome of the processing', es: 'elija el resultado del procesamiento' },
  nothing_to_change: { en: 'this is already the current value: nothing to correct', es: 'ya es el valor actual: no hay nada que corregir' },
} as const;

export async function correctAppointment(actor: Actor, appointmentId: string, rawInput: CorrectionInput): Promise<{ appointment: RecordAppointment }> {
  // Checked before parsing: an officer learns "forbidden", not which fields are missing.
  assertCan(actor, 'appointment.correct');
  const input = parseInput(CorrectionInputSchema, rawInput, actor.locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointmentWithOutcome(tx, actor, appointmentId, 'appointment.correct');
    let requested: ValidOutcome | undefined;
    if (input.outcome) {
      const valid = validateOutcome(input.outcome, await findOutcomeCode(tx, input.outcome.code));
      if (!valid.ok) throw outcomeValidationError(valid.fields, actor.locale, 'outcome.');
      requested = valid.outcome;
    }
    const at = now();
    const decision = decideCorrection(row, { status: input.status, outcome: requested, expectedVersion: input.expectedVersion });
    if (decision.kind === 'refused') {
      if (decision.code === 'STALE_VERSION') throw staleVersionError(await recordAppointmentById(tx, row.id, at));
      if (decision.code === 'CONFLICT') {
        throw new AppError('CONFLICT', 'A processed appointment keeps its outcome: correct the outcome instead of the status.', {
          es: 'Una cita procesada conserva su resultado: corrija el resultado en lugar de la situación.',
        });
      }
      const text = VALIDATION_TEXT[decision.problem][actor.locale];
      throw new AppError('VALIDATION', `The correction is not valid: ${VALIDATION_TEXT[decision.problem].en}.`, {
        es: `La corrección no es válida: ${VALIDATION_TEXT[decision.problem].es}.`,
        fields: { [decision.field]: text },
      });
    }
    const version = row.version + 1;
    const arrival =
      decision.arrival === 'set'
        ? { arrivedAt: at, arrivedBy: actor.userId, membersPresent: null }
        : decision.arrival === 'clear'
          ? { arrivedAt: null, arrivedBy: null, membersPresent: null }
          : {};
    const updated = await tx
      .update(appointments)
      .set({ status: decision.status, ...arrival, statusChangedAt: at, statusChangedBy: actor.userId, version })
      .where(and(eq(appointments.id, row.id), eq(appointments.status, row.status), eq(appointments.version, row.version)))
      .returning({ id: appointments.id });
    if (updated.length !== 1) throw staleVersionError(await recordAppointmentById(tx, row.id, at));
    if (decision.outcomeChanged && decision.outcome) {
      const values = { code: decision.outcome.code, notes: decision.outcome.notes, interpreterLanguage: decision.outcome.interpreterLanguage, recordedAt: at, recordedBy: actor.userId };
      await tx
        .insert(outcomes)
        .values({ appointmentId: row.id, ...values })
        .onConflictDoUpdate({ target: outcomes.appointmentId, set: values });
    }
    const after = {
      ...row,
      status: decision.status,
      arrivedAt: decision.arrival === 'set' ? at : decision.arrival === 'clear' ? null : row.arrivedAt,
      membersPresent: decision.arrival === 'keep' ? row.membersPresent : null,
      outcome: decision.outcome,
      version,
    };
    await recordAudit(tx, personActor(actor), {
      action: 'appointment.corrected',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: stateSnapshot(row),
      after: stateSnapshot(after),
      reason: input.reason,
    });
    return { appointment: await recordAppointmentById(tx, row.id, at) };
  });
}
