/**
 * The rules of arrival, as pure functions of the appointment, the port and the clock.
 * No database, no framework: tested table by table.
 */
import type { AppointmentStatus } from '@/db/schema/enums';
import { serviceDate } from '@/lib/time';

export const UNDO_WINDOW_MS = 2 * 60_000;

export function deadline(scheduledAt: Date, graceMinutes: number): Date {
  return new Date(scheduledAt.getTime() + graceMinutes * 60_000);
}

/** A scheduled appointment whose deadline has passed is a no-show without anyone marking it. */
export function effectiveStatus(stored: AppointmentStatus, appointmentDeadline: Date, at: Date): AppointmentStatus {
  return stored === 'scheduled' && at.getTime() > appointmentDeadline.getTime() ? 'no_show' : stored;
}

export interface ArrivalSubject {
  status: AppointmentStatus;
  scheduledAt: Date;
  serviceDate: string;
  partySize: number;
}

export interface PortClock {
  timeZone: string;
  graceMinutes: number;
}

export type CheckInDecision =
  | { kind: 'checked_in' }
  | { kind: 'late' }
  | { kind: 'refused'; code: 'ALREADY_ARRIVED' | 'WRONG_SERVICE_DATE' | 'CONFLICT' };

/**
 * Arrival at or before the deadline checks in (early arrivals on the same service date too);
 * after it the arrival is kept and the slot forfeited. A no-show who turns up is late.
 */
export function decideCheckIn(a: ArrivalSubject, at: Date, port: PortClock): CheckInDecision {
  if (a.status === 'checked_in' || a.status === 'late' || a.status === 'processed') return { kind: 'refused', code: 'ALREADY_ARRIVED' };
  if (a.status === 'cancelled') return { kind: 'refused', code: 'CONFLICT' };
  if (serviceDate(at, port.timeZone) !== a.serviceDate) return { kind: 'refused', code: 'WRONG_SERVICE_DATE' };
  return at.getTime() <= deadline(a.scheduledAt, port.graceMinutes).getTime() ? { kind: 'checked_in' } : { kind: 'late' };
}

export type ArrivalAction = 'check-in' | 'late';

/**
 * What an officer can record for an appointment as it reads now: a check-in until the deadline,
 * a late arrival after it (also for a no-show who turns up), nothing once arrived or cancelled.
 * `at` null (clock not yet known in the browser) counts as before the deadline.
 */
export function arrivalActionFor(status: AppointmentStatus, appointmentDeadline: Date, at: Date | null): ArrivalAction | null {
  if (status === 'scheduled') return at && at.getTime() > appointmentDeadline.getTime() ? 'late' : 'check-in';
  if (status === 'no_show') return 'late';
  return null;
}

export type NoShowDecision = { kind: 'no_show' } | { kind: 'refused'; code: 'DEADLINE_NOT_PASSED' | 'ALREADY_ARRIVED' | 'CONFLICT' };

export function decideNoShow(a: Pick<ArrivalSubject, 'status' | 'scheduledAt'>, at: Date, port: Pick<PortClock, 'graceMinutes'>): NoShowDecision {
  if (a.status === 'checked_in' || a.status === 'late' || a.status === 'processed') return { kind: 'refused', code: 'ALREADY_ARRIVED' };
  if (a.status !== 'scheduled') return { kind: 'refused', code: 'CONFLICT' };
  if (at.getTime() <= deadline(a.scheduledAt, port.graceMinutes).getTime()) return { kind: 'refused', code: 'DEADLINE_NOT_PASSED' };
  return { kind: 'no_show' };
}

/** Members present: defaults to the whole party; never more than the party, never fewer than one. */
export function validMembersPresent(requested: number | undefined, partySize: number): number | null {
  const n = requested ?? partySize;
  return Number.isInteger(n) && n >= 1 && n <= partySize ? n : null;
}

/** An officer may undo their own check-in or no-show mark within two minutes. */
export function canUndo(change: { by: string | null; at: Date | null }, actorId: string, at: Date): boolean {
  if (!change.by || !change.at || change.by !== actorId) return false;
  return at.getTime() - change.at.getTime() <= UNDO_WINDOW_MS;
}
