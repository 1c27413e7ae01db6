/** Authorization checks for the lib layer: every read and write calls one of these. */
import type { Actor } from './actor';
import { AccessDeniedError, deniedSubjectOf } from './access-denied';
import { can, canSeePort, type Action } from './permissions';

type GuardedActor = Pick<Actor, 'role'> & Partial<Pick<Actor, 'userId' | 'portId'>>;

export function assertCan(actor: GuardedActor, action: Action): void {
  if (!can(actor.role, action)) {
    throw new AccessDeniedError('FORBIDDEN', 'Your role does not allow this.', {
      subject: deniedSubjectOf(actor),
      reason: `role ${actor.role} may not ${action}`,
      portId: actor.portId ?? null,
    });
  }
}

/**
 * For a resource in a port the actor may not see, answer NOT_FOUND so its existence does not leak.
 * `wording` lets a caller answer with the same words it uses for a resource that does not exist.
 */
export function assertPortVisible(
  actor: Pick<Actor, 'role' | 'portId'> & Partial<Pick<Actor, 'userId'>>,
  portId: number,
  wording: { message: string; es?: string } = { message: 'Not found.' },
): void {
  if (!canSeePort(actor, portId)) {
    throw new AccessDeniedError(
      'NOT_FOUND',
      wording.message,
      { subject: deniedSubjectOf(actor), reason: 'resource of a port outside the caller\u2019s scope', portId },
      { es: wording.es },
    );
  }
}

export function assertCanAtPort(actor: Pick<Actor, 'role' | 'portId'> & Partial<Pick<Actor, 'userId'>>, action: Action, portId: number): void {
  assertPortVisible(actor, portId);
  assertCan(actor, action);
}
