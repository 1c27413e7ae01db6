import 'server-only';
import { getDb } from '@/lib/database';
import type { Actor } from './actor';
import { endOneSession } from './end-sessions';
import { personActor } from '@/lib/audit/actor';

export type SignOutReason = 'signed_out' | 'idle';

/** The app's sign-out button, the idle timer and Auth.js's POST /api/auth/signout all end here. */
export async function endActorSession(actor: Actor, reason: SignOutReason): Promise<void> {
  const db = await getDb();
  await db.transaction((tx) => endOneSession(tx, actor.sessionId, reason, personActor(actor), actor.portId));
}
