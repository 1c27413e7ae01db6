/**
 * Idempotent kiosk actions: a retried request (after a dropped connection) with the same key
 * gets the first answer instead of acting twice. Records live in PostgreSQL, so a retry that
 * reaches another app instance is recognised too.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { idempotencyRecords } from '@/db/schema';
import { AppError } from '@/lib/errors';

export function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Claims `key` in `scope` inside the caller's transaction. Returns the stored result of an
 * earlier identical request, or null when this request is the first (then call `store`).
 * A concurrent duplicate waits on the primary key until the first commits.
 */
export async function claimKey<T>(tx: DbOrTx, scope: string, key: string, hash: string): Promise<T | null> {
  const inserted = await tx
    .insert(idempotencyRecords)
    .values({ scope, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyRecords.key });
  if (inserted.length > 0) return null;
  const [existing] = await tx
    .select({ requestHash: idempotencyRecords.requestHash, responseBody: idempotencyRecords.responseBody })
    .from(idempotencyRecords)
    .where(and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key)))
    .limit(1);
  if (!existing || existing.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_MISMATCH', 'This idempotency key was already used for a different request.', {
      es: 'Esta clave de idempotencia ya se usó para otra solicitud.',
    });
  }
  return existing.responseBody ? (JSON.parse(existing.responseBody) as T) : null;
}

export async function storeResult(tx: DbOrTx, scope: string, key: string, status: number, result: unknown): Promise<void> {
  await tx
    .update(idempotencyRecords)
    .set({ responseStatus: status, responseBody: JSON.stringify(result) })
    .where(and(eq(idempotencyRecords.scope, scope), eq(idempotencyRecords.key, key)));
}
