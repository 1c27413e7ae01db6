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

/** A replayed tap may be this far ahead of the server's clock (offset measured over a network round trip). */
export const TAP_FUTURE_SKEW_MS = 30_000;
/** A clock offset or a tap age beyond a day is not a kiosk that lost the network: it is a broken clock or forged input. */
export const TAP_ABSURD_MS = 24 * 3_600_000;

export interface ReplayedTap {
  /** The kiosk's clock at the tap: epoch milliseconds or an ISO instant. */
  tappedAt?: string | number;
  /** Server minus kiosk clock, measured at the kiosk's last successful request. */
  clockOffsetMs?: number;
}

export type TapTime =
  /** Not a replay: the server's clock decides, as always. */
  | { kind: 'live'; at: Date }
  /** A replay inside the bound: judged at the corrected tap time. */
  | { kind: 'offline'; at: Date; receivedAt: Date }
  /** A replay older than the bound: judged at the received time, and a supervisor reviews it. */
  | { kind: 'review'; at: Date; tappedAt: Date; receivedAt: Date }
  | { kind: 'invalid'; field: 'tappedAt' | 'clockOffsetMs'; problem: 'needs_offset' | 'offset_absurd' | 'not_a_time' | 'in_future' | 'absurd_age' };

/**
 * When a tap happened, on the server's clock. The kiosk's tap time is trusted only with the clock
 * offset it measured at its last successful request: corrected tap = tappedAt + offset.
 */
export function decideTapTime(tap: ReplayedTap, receivedAt: Date, maxAgeMs: number): TapTime {
  if (tap.tappedAt === undefined) return { kind: 'live', at: receivedAt };
  if (tap.clockOffsetMs === undefined || !Number.isFinite(tap.clockOffsetMs)) return { kind: 'invalid', field: 'clockOffsetMs', problem: 'needs_offset' };
  if (Math.abs(tap.clockOffsetMs) > TAP_ABSURD_MS) return { kind: 'invalid', field: 'clockOffsetMs', problem: 'offset_absurd' };
  const kioskMs = typeof tap.tappedAt === 'number' ? tap.tappedAt : Date.parse(tap.tappedAt);
  if (!Number.isFinite(kioskMs)) return { kind: 'invalid', field: 'tappedAt', problem: 'not_a_time' };
  const corrected = kioskMs + tap.clockOffsetMs;
  const age = receivedAt.getTime() - corrected;
  if (age < -TAP_FUTURE_SKEW_MS) return { kind: 'invalid', field: 'tappedAt', problem: 'in_future' };
  if (age > TAP_ABSURD_MS) return { kind: 'invalid', field: 'tappedAt', problem: 'absurd_age' };
  // Within the skew a tap "after" the server's clock is the same instant as receiving it.
  const at = new Date(Math.min(corrected, receivedAt.getTime()));
  if (age > maxAgeMs) return { kind: 'review', at: receivedAt, tappedAt: at, receivedAt };
  return { kind: 'offline', at, receivedAt };
}
