import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { intakeKeys, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import type { IntakeKeyJson } from './schemas';

/** Keys with their last use; never the hash. Revoked keys stay listed for the record. */
export async function listIntakeKeys(actor: Actor): Promise<IntakeKeyJson[]> {
  assertCan(actor, 'admin.intakeKeys');
  const db = await getDb();
  const rows = await db
    .select({
      id: intakeKeys.id,
      name: intakeKeys.name,
      prefix: intakeKeys.keyPrefix,
      createdAt: intakeKeys.createdAt,
      createdBy: users.name,
      lastUsedAt: intakeKeys.lastUsedAt,
      revokedAt: intakeKeys.revokedAt,
    })
    .from(intakeKeys)
    .leftJoin(users, eq(users.id, intakeKeys.createdBy))
    .orderBy(sql`${intakeKeys.revokedAt} is not null`, desc(intakeKeys.createdAt));
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
