/**
 * Machine authentication for the intake API: `Authorization: Bearer <key>`. The key is hashed and
 * looked up among unrevoked keys, so a revoked key fails on its very next request.
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { intakeKeys } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { hashIntakeSecret } from './secret';

// Recording every use would make each intake call a write; a minute is precise enough for "last used".
const TOUCH_GRANULARITY_MS = 60_000;

export interface IntakeCaller {
  keyId: string;
  name: string;
}

export async function authenticateIntakeKey(request: Request): Promise<IntakeCaller> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(header);
  if (!match) throw new AppError('UNAUTHENTICATED', 'An intake key is required (Authorization: Bearer <key>).');
  const db = await getDb();
  const [key] = await db
    .select({ id: intakeKeys.id, name: intakeKeys.name })
    .from(intakeKeys)
    .where(and(eq(intakeKeys.keyHash, hashIntakeSecret(match[1]!)), isNull(intakeKeys.revokedAt)))
    .limit(1);
  if (!key) throw new AppError('UNAUTHENTICATED', 'This intake key is not valid or has been revoked.');
  const at = now();
  await db
    .update(intakeKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(intakeKeys.id, key.id),
        or(isNull(intakeKeys.lastUsedAt), lt(intakeKeys.lastUsedAt, sql`${new Date(at.getTime() - TOUCH_GRANULARITY_MS).toISOString()}::timestamptz`)),
      ),
    );
  return { keyId: key.id, name: key.name };
}
