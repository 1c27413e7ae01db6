import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from './actor';
import { endSession } from './session-store';

export type SignOutReason = 'signed_out' | 'idle';

export async function endActorSession(actor: Actor, reason: SignOutReason): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await endSession(actor.sessionId, tx);
    await recordAudit(
      tx,
      { userId: actor.userId, role: actor.role, requestId: actor.requestId },
      { action: reason === 'idle' ? 'session.idle_timeout' : 'session.signed_out', targetType: 'session', targetId: actor.sessionId, portId: actor.portId },
    );
  });
}
