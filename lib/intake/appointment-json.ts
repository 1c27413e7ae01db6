import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { APPOINTMENT_JOINS, appointmentJsonSql } from '@/lib/roster/queries';
import type { Appointment } from '@/lib/roster/schemas';

/** One appointment in the API shape, built by PostgreSQL like the roster (same SQL, same JSON). */
export async function appointmentJson(tx: DbOrTx, id: string, at: Date): Promise<Appointment> {
  const [row] = await queryRows<{ j: Appointment | string }>(tx, sql`select ${appointmentJsonSql(at)} as j ${APPOINTMENT_JOINS} where a.id = ${id}`);
  if (!row) throw new Error(`appointment ${id} vanished inside its own transaction`);
  return typeof row.j === 'string' ? (JSON.parse(row.j) as Appointment) : row.j;
}
