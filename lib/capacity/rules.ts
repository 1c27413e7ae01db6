/**
 * Slot-limit arithmetic: effective limits, remaining slots, and the two refusals of a capacity
 * change (a port limit below what is booked; ports' total above the national cap).
 * Pure: no db, no next, no react. Dates are port-local service dates (YYYY-MM-DD).
 */
import { isoWeekday, type IsoDate } from '@/lib/time';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
/** Limits for ISO weekdays 1 (Monday) ... 7 (Sunday). */
export type WeekdayLimits = Record<WeekdayKey, number>;

export type LimitSource = 'weekday' | 'override';

export function weekdayKeyOf(date: IsoDate): WeekdayKey {
  return WEEKDAY_KEYS[isoWeekday(date) - 1]!;
}

/**
 * The limit that applies to a port on a date: the date's override if there is one, else the
 * weekday default. A port without a default for that weekday has no slots (0): capacity is
 * granted explicitly, never assumed.
 */
export function effectiveLimit(
  date: IsoDate,
  weekdays: Partial<WeekdayLimits>,
  overrides: ReadonlyMap<IsoDate, number>,
): { limit: number; source: LimitSource } {
  const override = overrides.get(date);
  if (override !== undefined) return { limit: override, source: 'override' };
  return { limit: weekdays[weekdayKeyOf(date)] ?? 0, source: 'weekday' };
}

/** Slots still free; never negative (an imported authoritative roster may exceed a limit). */
export function remaining(limit: number, booked: number): number {
  return Math.max(0, limit - booked);
}

/** One date of a capacity window, before or after a change. */
export interface CapacityDay {
  date: IsoDate;
  /** The changed port's effective limit (absent for a national-cap change). */
  portLimit?: number;
  /** Active (not cancelled) appointments at the changed port. */
  portBooked?: number;
  /** Sum of the effective limits of all active ports. */
  total: number;
}

export type CapacityViolation =
  | { code: 'LIMIT_BELOW_BOOKED'; date: IsoDate; limit: number; booked: number }
  | { code: 'NATIONAL_CAP_EXCEEDED'; date: IsoDate; total: number; cap: number };

/**
 * Compares a window of dates before and after a change. Only what the change makes worse is
 * refused: a limit *lowered* below the booked count (dates before `portFrom`, already past at the
 * port, are ignored), and a total *raised* (or a cap lowered) above the cap. A date that was
 * already over before the change (an authoritative roster import, say) does not block unrelated edits.
 * Returns the earliest violation, LIMIT_BELOW_BOOKED first since it names the port's own numbers.
 */
export function findCapacityViolation(
  before: readonly CapacityDay[],
  after: readonly CapacityDay[],
  caps: { before: number; after: number },
  portFrom?: IsoDate,
): CapacityViolation | null {
  const prior = new Map(before.map((d) => [d.date, d]));
  const sorted = [...after].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const day of sorted) {
    const was = prior.get(day.date);
    if (day.portLimit === undefined || day.portBooked === undefined) continue;
    if (portFrom && day.date < portFrom) continue;
    const lowered = was?.portLimit === undefined || day.portLimit < was.portLimit;
    if (lowered && day.portLimit < day.portBooked) {
      return { code: 'LIMIT_BELOW_BOOKED', date: day.date, limit: day.portLimit, booked: day.portBooked };
    }
  }
  for (const day of sorted) {
    const was = prior.get(day.date);
    const worse = was === undefined || day.total > was.total || caps.after < caps.before;
    if (worse && exceedsCap(day.total, caps.after)) {
      return { code: 'NATIONAL_CAP_EXCEEDED', date: day.date, total: day.total, cap: caps.after };
    }
  }
  return null;
}

/** The cap may be reached exactly, never exceeded. */
export function exceedsCap(total: number, cap: number): boolean {
  return total > cap;
}
