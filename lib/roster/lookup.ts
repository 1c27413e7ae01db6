/**
 * Where a confirmation code belongs, so a scan at the wrong port or on the wrong day says so
 * plainly instead of "not found". Reveals the port and date only, never the person.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { appointments, ports } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { canSeePort } from '@/lib/auth/permissions';
import { normaliseConfirmationCode } from './confirmation-code';

export interface CodeLocation {
  portSlug: string;
  portName: string;
  date: string;
  /** The actor may open that appointment (own port, or a supervisor/admin). */
  visible: boolean;
  appointmentId: string | null;
}

export async function locateCode(actor: Actor, rawCode: string): Promise<CodeLocation | null> {
  assertCan(actor, 'roster.read');
  const code = normaliseConfirmationCode(rawCode);
  if (!code) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: appointments.id, portId: appointments.portId, date: appointments.serviceDate, portSlug: ports.slug, portName: ports.name })
    .from(appointments)
    .innerJoin(ports, eq(ports.id, appointments.portId))
    .where(eq(appointments.confirmationCode, code))
    .limit(1);
  if (!row) return null;
  const visible = canSeePort(actor, row.portId);
  return { portSlug: row.portSlug, portName: row.portName, date: row.date, visible, appointmentId: visible ? row.id : null };
}
