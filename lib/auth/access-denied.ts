/**
 * A refusal the audit trail must record: 401 (no or ended session, missing or revoked key), 403 (role,
 * cross-site) and the 404 that hides another port's resource. The client gets exactly the answer of a
 * plain AppError with the same code and message (a hidden resource still looks like a missing one); the
 * extra fields only tell the denial recorder who was refused and why.
 */
import type { Role } from '@/db/schema/enums';
import { AppError, type AppErrorOptions } from '@/lib/errors';

export interface DeniedSubject {
  userId: string | null;
  role: Role | null;
  /** For callers without a user row: an intake key's name, or "anonymous". */
  label: string | null;
}

export interface Denial {
  subject: DeniedSubject;
  /** Why, for the auditor: "role officer may not admin.users", "no session", "revoked intake key". */
  reason: string;
  /** The audit chain the event belongs to: the hidden resource's port, else the caller's port, else global. */
  portId: number | null;
}

export type DeniedCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'PASSWORD_CHANGE_REQUIRED';

export class AccessDeniedError extends AppError {
  readonly denial: Denial;

  constructor(code: DeniedCode, message: string, denial: Denial, options: AppErrorOptions = {}) {
    super(code, message, options);
    this.denial = denial;
  }
}

export function isAccessDenied(error: unknown): error is AccessDeniedError {
  return error instanceof AccessDeniedError;
}

export const ANONYMOUS: DeniedSubject = { userId: null, role: null, label: 'anonymous' };

/** The denied subject from whatever actor shape a guard received (a full Actor at run time). */
export function deniedSubjectOf(actor: { role: Role; userId?: string; portId?: number | null }): DeniedSubject {
  return { userId: actor.userId ?? null, role: actor.role, label: null };
}
