import { eq } from 'drizzle-orm';
import { appointments } from '../../../../../../db/schema';
import { floorDb } from '../../../db';

export const dynamic = 'force-dynamic';

/** Check-in as a typical handler would: one transaction, select for update, update, no audit or auth. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const at = new Date();
  const result = await floorDb().transaction(async (tx) => {
    const [row] = await tx.select({ status: appointments.status, version: appointments.version }).from(appointments).where(eq(appointments.id, id)).for('update');
    if (!row) return null;
    const [updated] = await tx
      .update(appointments)
      .set({ status: 'checked_in', arrivedAt: at, membersPresent: 1, statusChangedAt: at, version: row.version + 1 })
      .where(eq(appointments.id, id))
      .returning({ id: appointments.id, status: appointments.status, version: appointments.version });
    return updated;
  });
  return result ? Response.json({ appointment: result }) : Response.json({ error: { code: 'NOT_FOUND' } }, { status: 404 });
}
