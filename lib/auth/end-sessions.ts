/**
 * Ending sessions, always with its reason in the row and in the audit trail, inside the caller's
 * transaction. An ended row stays ended: nothing ever clears ended_at, so reactivating an account
 * or undoing a role change signs nobody back in.
 */
import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessions } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/record';

export type SessionEndReason = 'signed_out' | 'idle' | 'expired' | 'inactive' | 'deactivated' | 'password_reset' | 'password_changed';

function actionFor(reason: SessionEndReason): string {
  if (reason === 'signed_out') return 'session.signed_out';
  if (reason === 'idle') return 'session.idle_timeout';
  return 'session.ended';
}

/** Ends one session; audited only if this call ended it (a second sign-out writes nothing). */
export async function endOneSession(tx: DbOrTx, sessionId: string, reason: SessionEndReason, by: AuditActor, portId: number | null): Promise<boolean> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  if (ended.length === 0) return false;
  await recordAudit(tx, by, { action: actionFor(reason), targetType: 'session', targetId: sessionId, portId, reason });
  return true;
}

/** Ends every open session of a user (but `keep`, the caller's own), one audit event per session. */
export async function endUserSessions(
  tx: DbOrTx,
  userId: string,
  reason: SessionEndReason,
  by: AuditActor,
  portId: number | null,
  keep?: string,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), ...(keep ? [ne(sessions.id, keep)] : [])))
    .returning({ id: sessions.id });
  for (const { id } of ended) {
    await recordAudit(tx, by, { action: actionFor(reason), targetType: 'session', targetId: id, portId, reason });
  }
  return ended.length;
}
