/** Outcome codes as the outcome form needs them. Managing codes is the administration's job. */
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { DbOrTx } from '@/db/client';
import { outcomeCodes } from '@/db/schema';
import type { CodeRow } from './rules';
import type { OutcomeCodeOption } from './schemas';

const columns = {
  code: outcomeCodes.code,
  labelEn: outcomeCodes.labelEn,
  labelEs: outcomeCodes.labelEs,
  requiresNote: outcomeCodes.requiresNote,
  active: outcomeCodes.active,
};

/** Every code, retired ones included: labels for outcomes recorded before a code was retired. */
export async function listAllOutcomeCodes(): Promise<OutcomeCodeOption[]> {
  const db = await getDb();
  return db.select(columns).from(outcomeCodes).orderBy(asc(outcomeCodes.sortOrder), asc(outcomeCodes.code));
}

export async function findOutcomeCode(db: DbOrTx, code: string): Promise<CodeRow | null> {
  const [row] = await db
    .select({ code: outcomeCodes.code, active: outcomeCodes.active, requiresNote: outcomeCodes.requiresNote })
    .from(outcomeCodes)
    .where(eq(outcomeCodes.code, code))
    .limit(1);
  return row ?? null;
}
