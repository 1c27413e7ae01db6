/** Creating (the secret is returned this once) and revoking intake keys (effective at once). */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { intakeKeys } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { now } from '@/lib/time';
import { NewIntakeKeySchema } from './schemas';
import { displayPrefix, generateIntakeSecret, hashIntakeSecret } from './secret';
import { personActor } from '@/lib/audit/actor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function createIntakeKey(actor: Actor, input: unknown, locale: AppLocale = 'en') {
  assertCan(actor, 'admin.intakeKeys');
  const { name } = parseInput(NewIntakeKeySchema, input, locale);
  const key = generateIntakeSecret();
  const prefix = displayPrefix(key);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(intakeKeys)
      .values({ name, keyHash: hashIntakeSecret(key), keyPrefix: prefix, createdBy: actor.userId, createdAt: now() })
      .returning({ id: intakeKeys.id });
    await recordAudit(tx, personActor(actor), {
      action: 'intake_key.created',
      targetType: 'intake_key',
      targetId: row!.id,
      before: null,
      after: { name, prefix },
    });
    return { id: row!.id, key, name, prefix };
  });
}

export async function revokeIntakeKey(actor: Actor, id: string) {
  assertCan(actor, 'admin.intakeKeys');
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'No such intake key.', { es: 'No existe esa clave de integración.' });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(intakeKeys).where(eq(intakeKeys.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', 'No such intake key.', { es: 'No existe esa clave de integración.' });
    if (row.revokedAt) return { ok: true as const, id, revokedAt: row.revokedAt.toISOString() };
    const at = now();
    await tx.update(intakeKeys).set({ revokedAt: at }).where(and(eq(intakeKeys.id, id), isNull(intakeKeys.revokedAt)));
    await recordAudit(tx, personActor(actor), {
      action: 'intake_key.revoked',
      targetType: 'intake_key',
      targetId: id,
      before: { name: row.name, prefix: row.keyPrefix, revokedAt: null },
      after: { name: row.name, prefix: row.keyPrefix, revokedAt: at.toISOString() },
    });
    return { ok: true as const, id, revokedAt: at.toISOString() };
  });
}
