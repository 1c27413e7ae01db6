/**
 * Who an audit event names, built in one place so every verb spells an actor the same way:
 * a signed-in person (with the request id), an account signing in (no request yet), an intake key,
 * someone unidentified (a refused sign-in, named by the email they typed), or the system itself.
 */
import type { Role } from '@/db/schema';
import type { AuditActor } from './record';

/** A person: the signed-in actor of a request, or the account signing in. */
export function personActor(person: { userId: string; role: Role; requestId?: string | null }): AuditActor {
  return { userId: person.userId, role: person.role, requestId: person.requestId ?? null };
}

/** An upstream scheduling system, by its intake key's name. */
export function intakeKeyActor(key: { name: string }, requestId: string | null = null): AuditActor {
  return { userId: null, role: null, label: `intake:${key.name}`, requestId };
}

/** Someone without an account (yet): a refused sign-in by the email they typed, an unknown SSO subject. */
export function unidentifiedActor(label: string, requestId: string | null = null): AuditActor {
  return { userId: null, role: null, label: label.slice(0, 320), requestId };
}

/** Scheduled and command-line work (checkpoints, migrations, the demo seed). */
export const SYSTEM_ACTOR: AuditActor = { userId: null, role: null, label: 'system' };
