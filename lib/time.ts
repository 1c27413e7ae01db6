/**
 * Port-local time. The server's own zone must never matter: every function takes the
 * port's IANA zone, and `now()` is the single place that reads the clock.
 */
import { TZDate } from '@date-fns/tz';
import { addDays as addDaysFns, format, getISODay, parseISO } from 'date-fns';

export type IsoDate = string; // YYYY-MM-DD

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

let seedingClock: Date | null = null;

/** The only clock read in the product. */
export function now(): Date {
  return seedingClock ? new Date(seedingClock) : new Date();
}

/**
 * For the demo seed only (a command-line process, one step at a time): runs `step` with now()
 * reading `at`, so the demo's history is written through the product's own verbs at the times it
 * happened (a booking two days ahead, a check-in at the door, an outcome after the interview).
 * Never called by the app server.
 */
export async function atSeedingClock<T>(at: Date, step: () => Promise<T>): Promise<T> {
  const before = seedingClock;
  seedingClock = at;
  try {
    return await step();
  } finally {
    seedingClock = before;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || !timeZone.includes('/')) return timeZone === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date in YYYY-MM-DD form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The calendar date of an instant at a port. */
export function serviceDate(instant: Date, timeZone: string): IsoDate {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** "Today" at a port. */
export function portToday(timeZone: string, at: Date = now()): IsoDate {
  return serviceDate(at, timeZone);
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * The instant of a port-local wall-clock time. A time that does not exist (spring-forward gap)
 * resolves forward, as clocks do.
 */
export function portLocalInstant(date: IsoDate, minutesOfDay: number, timeZone: string): Date {
  const [y, mo, d] = parts(date);
  const hours = Math.floor(minutesOfDay / 60);
  const minutes = minutesOfDay % 60;
  const local = new TZDate(y, mo - 1, d, hours, minutes, 0, timeZone);
  return new Date(local.getTime());
}

/** [start, end) of a port-local service date as instants; 23, 24 or 25 hours long. */
export function serviceDateBounds(date: IsoDate, timeZone: string): { start: Date; end: Date } {
  const [y, mo, d] = parts(date);
  const start = new TZDate(y, mo - 1, d, 0, 0, 0, timeZone);
  const next = addDays(date, 1);
  const [ny, nmo, nd] = parts(next);
  const end = new TZDate(ny, nmo - 1, nd, 0, 0, 0, timeZone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

export function hoursInServiceDate(date: IsoDate, timeZone: string): number {
  const { start, end } = serviceDateBounds(date, timeZone);
  return (end.getTime() - start.getTime()) / 3_600_000;
}

/** Calendar arithmetic on dates, free of any zone. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, mo, d] = parts(date);
  return format(addDaysFns(new Date(y, mo - 1, d, 12), days), 'yyyy-MM-dd');
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return getISODay(parseISO(date));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** Minutes since port-local midnight (wall clock) of an instant. */
export function portLocalMinutes(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/** HH:mm of an instant in the port's zone (24-hour, as on a roster). */
export function portLocalClock(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'HH:mm');
}

/** ISO 8601 with the port's offset, e.g. 2026-11-25T09:30:00-07:00. */
export function toPortIso(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** Short zone label such as MST or PDT for the port at that instant. */
export function zoneAbbreviation(instant: Date, timeZone: string, locale = 'en-US'): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}
