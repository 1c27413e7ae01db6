/**
 * The permission table: which role may perform which action. Port scope is separate
 * (officers see only their own port). Pure: no db, no next, no react.
 */
import type { Role } from '@/db/schema/enums';

export const ACTIONS = [
  'ports.read',
  'roster.read',
  'appointment.read',
  'appointment.checkIn',
  'appointment.noShow',
  'appointment.undo',
  'appointment.outcome',
  'appointment.correct',
  'document.reveal',
  'stats.read',
  'audit.read',
  'admin.capacity',
  'admin.ports',
  'admin.outcomeCodes',
  'admin.users',
  'admin.intakeKeys',
  'intake.importRoster',
  'flags.review',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Role[] = ['officer', 'supervisor', 'admin'];
const LEADS: readonly Role[] = ['supervisor', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'ports.read': ALL,
  'roster.read': ALL,
  'appointment.read': ALL,
  'appointment.checkIn': ALL,
  'appointment.noShow': ALL,
  'appointment.undo': ALL,
  'appointment.outcome': ALL,
  'appointment.correct': LEADS,
  'document.reveal': LEADS,
  'stats.read': ALL,
  'audit.read': LEADS,
  'admin.capacity': ADMIN,
  'admin.ports': ADMIN,
  'admin.outcomeCodes': ADMIN,
  'admin.users': ADMIN,
  'admin.intakeKeys': ADMIN,
  'intake.importRoster': ADMIN,
  'flags.review': LEADS,
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[action].includes(role);
}

export interface ScopedSubject {
  role: Role;
  portId: number | null;
}

/** Officers act only at their own port; supervisors and admins at every port. */
export function canSeePort(subject: ScopedSubject, portId: number): boolean {
  return subject.role !== 'officer' || subject.portId === portId;
}

/** The port ids a subject may read, or 'all'. */
export function portScope(subject: ScopedSubject): 'all' | number[] {
  if (subject.role !== 'officer') return 'all';
  return subject.portId === null ? [] : [subject.portId];
}

/** Where each role lands after sign-in. */
export function homePath(subject: ScopedSubject & { portSlug: string | null }): string {
  switch (subject.role) {
    case 'officer':
      return subject.portSlug ? `/roster/${subject.portSlug}` : '/sign-in';
    case 'supervisor':
      return '/dashboard';
    case 'admin':
      return '/admin';
  }
}
