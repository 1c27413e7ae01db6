import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { outcomeCodes, outcomes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { AdminOutcomeCode } from './schemas';

/** Every code, retired ones included, with how often it was used (counted in SQL). */
export async function listOutcomeCodesForAdmin(actor: Actor): Promise<AdminOutcomeCode[]> {
  assertCan(actor, 'admin.outcomeCodes');
  const db = await getDb();
  const rows = await db
    .select({
      code: outcomeCodes.code,
      labelEn: outcomeCodes.labelEn,
      labelEs: outcomeCodes.labelEs,
      requiresNote: outcomeCodes.requiresNote,
      active: outcomeCodes.active,
      sortOrder: outcomeCodes.sortOrder,
      uses: count(outcomes.appointmentId),
    })
    .from(outcomeCodes)
    .leftJoin(outcomes, eq(outcomes.code, outcomeCodes.code))
    .groupBy(outcomeCodes.code)
    .orderBy(asc(outcomeCodes.sortOrder), asc(outcomeCodes.code));
  return rows.map((r) => ({ ...r, uses: Number(r.uses) }));
}
