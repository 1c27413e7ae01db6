/**
 * Statistics rules: ranges, rates and percentiles. Pure: no db, no next, no react.
 */
import { addDays, daysBetween, type IsoDate } from '@/lib/time';

/** Longest range a statistics request may cover, both ends included. */
export const MAX_RANGE_DAYS = 366;

export const RANGE_PRESETS = ['today', '7', '30', '90', '365', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Number of calendar days in [from, to], both included. */
export function rangeLength(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

/** The preset's range ending on `today` (the custom preset keeps the given dates). */
export function presetRange(preset: Exclude<RangePreset, 'custom'>, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const days = preset === 'today' ? 1 : Number(preset);
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: IsoDate, to: IsoDate): { from: IsoDate; to: IsoDate } {
  const length = rangeLength(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/**
 * A share as a fraction with 4 decimals (exact with `exact`), or null when there is nothing to
 * divide by. Screens that round again for display ask for the exact share, so a value is
 * rounded once (63.854 % shows as 63.9, not 63.85 then 63.8).
 */
export function ratio(part: number, whole: number, exact = false): number | null {
  if (whole <= 0) return null;
  return exact ? part / whole : Math.round((part / whole) * 10_000) / 10_000;
}

export interface Counts {
  capacity: number;
  booked: number;
  checkedIn: number;
  late: number;
  noShow: number;
  processed: number;
  cancelled: number;
}

export interface Rates {
  /** Everyone who came: on time (checked in or processed) plus late. */
  arrived: number;
  /** Arrived / capacity. */
  utilisation: number | null;
  /** Appointments whose fate is known: arrived (on time or late) or no-show. */
  due: number;
  /** No-shows / due. */
  noShowRate: number | null;
  /** Late arrivals / due. */
  lateRate: number | null;
}

export function rates(c: Counts, exact = false): Rates {
  const arrived = c.checkedIn + c.late;
  const due = arrived + c.noShow;
  return {
    arrived,
    utilisation: ratio(arrived, c.capacity, exact),
    due,
    noShowRate: ratio(c.noShow, due, exact),
    lateRate: ratio(c.late, due, exact),
  };
}

/** Relative change from `before` to `after` as a fraction, or null when `before` is zero or unknown. */
export function change(after: number | null, before: number | null): number | null {
  if (after === null || before === null || before === 0) return null;
  return Math.round(((after - before) / before) * 10_000) / 10_000;
}

export interface DayCounts extends Counts {
  date: string;
  outcomes: Record<string, number>;
}

/** Several ports' rows of one date added up (for the charts of the chosen ports together). */
export function sumByDate<T extends DayCounts>(days: readonly T[]): (DayCounts & Rates)[] {
  const byDate = new Map<string, DayCounts>();
  for (const d of days) {
    const acc = byDate.get(d.date) ?? { date: d.date, capacity: 0, booked: 0, checkedIn: 0, late: 0, noShow: 0, processed: 0, cancelled: 0, outcomes: {} };
    acc.capacity += d.capacity;
    acc.booked += d.booked;
    acc.checkedIn += d.checkedIn;
    acc.late += d.late;
    acc.noShow += d.noShow;
    acc.processed += d.processed;
    acc.cancelled += d.cancelled;
    for (const [code, n] of Object.entries(d.outcomes)) acc.outcomes[code] = (acc.outcomes[code] ?? 0) + n;
    byDate.set(d.date, acc);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).map((d) => ({ ...d, ...rates(d) }));
}

export type RangeProblem = 'invalidDate' | 'order' | 'tooLong';

/** What is wrong with a custom range, per field (the page shows these next to the fields). */
export function rangeProblems(from: string | undefined, to: string | undefined, isDate: (s: string) => boolean): Partial<Record<'from' | 'to', RangeProblem>> {
  const problems: Partial<Record<'from' | 'to', RangeProblem>> = {};
  if (!from || !isDate(from)) problems.from = 'invalidDate';
  if (!to || !isDate(to)) problems.to = 'invalidDate';
  if (problems.from || problems.to) return problems;
  if (from! > to!) problems.to = 'order';
  else if (rangeLength(from!, to!) > MAX_RANGE_DAYS) problems.to = 'tooLong';
  return problems;
}

/** Buckets of the minutes-to-outcome histogram: 0..239 one minute each, then one overflow bucket. */
export const MINUTE_BUCKETS = 240;

/**
 * percentile_cont(p) (linear interpolation between the two nearest ranks, as PostgreSQL computes
 * it) over values given as a histogram of [value, count] sorted by value; null when empty.
 * Bucket error: each minute bucket holds one whole-minute value, so while the two ranks it
 * interpolates between are below MINUTE_BUCKETS minutes the result equals percentile_cont over the
 * raw whole-minute figures (within one bucket = 1 minute; in fact exact). A rank in the overflow
 * bucket counts as MINUTE_BUCKETS, so a percentile touching it is a lower bound of the exact one.
 */
export function histogramPercentile(buckets: readonly (readonly [value: number, count: number])[], p: number): number | null {
  const total = buckets.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [value, n] of buckets) {
      seen += n;
      if (rank < seen) return value;
    }
    return buckets[buckets.length - 1]![0];
  };
  const h = p * (total - 1);
  const lower = Math.floor(h);
  const low = valueAt(lower);
  return h === lower ? low : low + (h - lower) * (valueAt(lower + 1) - low);
}
