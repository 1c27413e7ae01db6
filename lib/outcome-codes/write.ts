/**
 * Outcome codes: add, relabel, retire (kept for history and reports, no longer offered) and
 * reactivate. Deleting is allowed only for a code never used; a used code can only be retired
 * (IN_USE), and the foreign key's "restrict" backs this up in the database.
 */
import 'server-only';
import { count, eq, max } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { Tx } from '@/db/client';
import { outcomeCodes, outcomes } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { NewOutcomeCodeSchema, OutcomeCodeChangeSchema } from './schemas';
import { personActor } from '@/lib/audit/actor';

type CodeRow = typeof outcomeCodes.$inferSelect;
const view = (r: CodeRow) => ({ code: r.code, labelEn: r.labelEn, labelEs: r.labelEs, requiresNote: r.requiresNote, active: r.active, sortOrder: r.sortOrder });

async function codeForUpdate(tx: Tx, code: string): Promise<CodeRow> {
  const [row] = await tx.select().from(outcomeCodes).where(eq(outcomeCodes.code, code)).for('update');
  if (!row) throw new AppError('NOT_FOUND', `No outcome code "${code}".`, { es: `No existe el código de resultado "${code}".` });
  return row;
}

export async function addOutcomeCode(actor: Actor, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.outcomeCodes');
  const body = parseInput(NewOutcomeCodeSchema, input, locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ n: max(outcomeCodes.sortOrder) }).from(outcomeCodes);
    const [row] = await tx
      .insert(outcomeCodes)
      .values({ ...body, active: true, sortOrder: body.sortOrder ?? (last?.n ?? 0) + 10 })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('VALIDATION', `The code "${body.code}" already exists.`, {
        es: `El código "${body.code}" ya existe.`,
        fields: { code: 'already exists' },
      });
    }
    await recordAudit(tx, personActor(actor), { action: 'outcome_code.created', targetType: 'outcome_code', targetId: row.code, before: null, after: view(row) });
    return view(row);
  });
}

export async function updateOutcomeCode(actor: Actor, code: string, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.outcomeCodes');
  const body = parseInput(OutcomeCodeChangeSchema, input, locale);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await codeForUpdate(tx, code);
    if (Object.keys(body).length === 0) return view(before);
    const [after] = await tx.update(outcomeCodes).set(body).where(eq(outcomeCodes.code, code)).returning();
    const action = body.active === false && before.active ? 'outcome_code.retired' : body.active === true && !before.active ? 'outcome_code.reactivated' : 'outcome_code.updated';
    await recordAudit(tx, personActor(actor), { action, targetType: 'outcome_code', targetId: code, before: view(before), after: view(after!) });
    return view(after!);
  });
}

export async function deleteOutcomeCode(actor: Actor, code: string) {
  assertCan(actor, 'admin.outcomeCodes');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await codeForUpdate(tx, code);
    const [used] = await tx.select({ n: count() }).from(outcomes).where(eq(outcomes.code, code));
    const uses = Number(used?.n ?? 0);
    if (uses > 0) {
      throw new AppError('IN_USE', `The code "${code}" is used by ${uses} recorded outcome(s) and cannot be deleted. Retire it instead.`, {
        es: `El código "${code}" está en uso en ${uses} resultado(s) registrado(s) y no se puede eliminar. Retírelo en su lugar.`,
        details: { uses },
      });
    }
    await tx.delete(outcomeCodes).where(eq(outcomeCodes.code, code));
    await recordAudit(tx, personActor(actor), { action: 'outcome_code.deleted', targetType: 'outcome_code', targetId: code, before: view(before), after: null });
    return { ok: true as const, code };
  });
}
