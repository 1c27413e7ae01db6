import type { Actor } from '@/lib/auth/actor';
import type { AuditActor } from '@/lib/audit/record';

/** The signed-in admin as the audit trail records them. */
export function auditActorOf(actor: Actor): AuditActor {
  return { userId: actor.userId, role: actor.role, requestId: actor.requestId };
}
