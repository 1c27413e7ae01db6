/**
 * Machine authentication for the intake API: `Authorization: Bearer <key>`. Only a SHA-256 of each
 * key is stored, so the lookup hashes what was sent; a revoked key fails on its very next request.
 */
import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { intakeKeys } from '@/db/schema';
import { ANONYMOUS, AccessDeniedError } from '@/lib/auth/access-denied';
import { now } from '@/lib/time';
import { hashIntakeSecret } from './secret';

export interface IntakeKeyActor {
  keyId: string;
  name: string;
}

export const hashIntakeKey = hashIntakeSecret;

/** last_used_at is written at most once a minute per key, so a busy feed does not queue on that row. */
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateIntakeKey(request: Request): Promise<IntakeKeyActor> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(header);
  if (!match) {
    throw new AccessDeniedError('UNAUTHENTICATED', 'An intake key is required (Authorization: Bearer <key>).', {
      subject: ANONYMOUS,
      reason: 'no intake key',
      portId: null,
    });
  }
  const db = await getDb();
  // Revoked keys are looked up too, so the audit trail can name the key that is still being used.
  const [row] = await db
    .select({ id: intakeKeys.id, name: intakeKeys.name, lastUsedAt: intakeKeys.lastUsedAt, revokedAt: intakeKeys.revokedAt })
    .from(intakeKeys)
    .where(eq(intakeKeys.keyHash, hashIntakeSecret(match[1]!)))
    .limit(1);
  if (!row || row.revokedAt) {
    throw new AccessDeniedError('UNAUTHENTICATED', 'This intake key is not valid or has been revoked.', {
      subject: row ? { userId: null, role: null, label: `intake:${row.name}` } : ANONYMOUS,
      reason: row ? 'revoked intake key' : 'unknown intake key',
      portId: null,
    });
  }
  const at = now();
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    const cutoff = new Date(at.getTime() - TOUCH_INTERVAL_MS);
    // Guarded, so of many concurrent requests only one writes.
    await db
      .update(intakeKeys)
      .set({ lastUsedAt: at })
      .where(and(eq(intakeKeys.id, row.id), or(isNull(intakeKeys.lastUsedAt), lt(intakeKeys.lastUsedAt, cutoff))));
  }
  return { keyId: row.id, name: row.name };
}

/** True when the request carries a Bearer credential (as opposed to a session cookie). */
export function hasBearer(request: Request): boolean {
  return /^Bearer\s/i.test(request.headers.get('authorization') ?? '');
}
