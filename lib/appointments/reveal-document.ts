/** Showing a document number in full is itself an audited act (supervisors and admins only). */
import 'server-only';
import { getDb } from '@/lib/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { recordAudit } from '@/lib/audit/record';
import { lockAppointment } from './load';
import { personActor } from '@/lib/audit/actor';

export async function revealDocumentNumber(actor: Actor, appointmentId: string): Promise<{ documentNumber: string | null }> {
  assertCan(actor, 'document.reveal');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockAppointment(tx, actor, appointmentId, 'document.reveal');
    // The event says who looked and when; it never copies the number itself into the trail.
    await recordAudit(tx, personActor(actor), {
      action: 'appointment.document_revealed',
      targetType: 'appointment',
      targetId: row.id,
      portId: row.portId,
      before: null,
      after: { documentPresent: row.documentNumber !== null },
    });
    return { documentNumber: row.documentNumber };
  });
}
