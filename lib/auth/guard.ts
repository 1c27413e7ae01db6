/** Authorization checks for the lib layer: every read and write calls one of these. */
import { AppError } from '@/lib/errors';
import type { Actor } from './actor';
import { can, canSeePort, type Action } from './permissions';

export function assertCan(actor: Pick<Actor, 'role'>, action: Action): void {
  if (!can(actor.role, action)) throw new AppError('FORBIDDEN', 'Your role does not allow this.');
}

/**
 * For a resource in a port the actor may not see, answer NOT_FOUND so its existence does not leak.
 */
export function assertPortVisible(actor: Pick<Actor, 'role' | 'portId'>, portId: number): void {
  if (!canSeePort(actor, portId)) throw new AppError('NOT_FOUND', 'Not found.');
}

export function assertCanAtPort(actor: Pick<Actor, 'role' | 'portId'>, action: Action, portId: number): void {
  assertPortVisible(actor, portId);
  assertCan(actor, action);
}
