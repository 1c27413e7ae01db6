/** DELETE /api/v1/intake/bookings/{code}: the upstream cancels; the slot is freed in the same transaction. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { AppError } from '@/lib/errors';
import type { IntakeKeyActor } from '@/lib/intake-keys/authenticate';
import { normaliseConfirmationCode } from '@/lib/roster/confirmation-code';
import type { Appointment } from '@/lib/roster/schemas';
import { now } from '@/lib/time';
import { appointmentById } from '@/lib/appointments/load';
import { releaseSlot } from './capacity';
import { enforceRateLimit } from './rate-limit';
import { intakeKeyActor } from '@/lib/audit/actor';

export async function cancelBooking(key: IntakeKeyActor, rawCode: string, requestId: string | null = null): Promise<{ appointment: Appointment }> {
  const db = await getDb();
  await enforceRateLimit(db, key.keyId);
  const code = normaliseConfirmationCode(rawCode);
  const at = now();
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; port_id: number; service_date: string; status: string; version: number }>(
      tx,
      sql`select id, port_id, service_date::text, status, version from appointments where confirmation_code = ${code} for update`,
    );
    if (!row) throw new AppError('NOT_FOUND', `No appointment ${code}.`, { es: `No existe la cita ${code}.` });
    // Cancelling twice is not an error: the upstream may retry a DELETE it did not see answered.
    if (row.status === 'cancelled') return { appointment: await appointmentById(tx, row.id, at) };
    if (row.status !== 'scheduled') {
      throw new AppError('CONFLICT', `Appointment ${code} is ${row.status} and can no longer be cancelled.`, {
        es: `La cita ${code} ya no se puede cancelar (estado: ${row.status}).`,
      });
    }
    const updated = await queryRows(
      tx,
      sql`update appointments set status = 'cancelled', status_changed_at = ${at.toISOString()}::timestamptz, version = version + 1
          where id = ${row.id} and status = 'scheduled' returning 1`,
    );
    if (updated.length === 0) throw new AppError('CONFLICT', 'The appointment changed underneath. Try again.');
    await releaseSlot(tx, row.port_id, row.service_date);
    await recordAudit(tx, intakeKeyActor(key, requestId), {
      action: 'appointment.cancel',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.port_id,
      before: { status: 'scheduled', version: row.version },
      after: { status: 'cancelled', version: row.version + 1 },
    });
    return { appointment: await appointmentById(tx, row.id, at) };
  });
}
