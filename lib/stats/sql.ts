/** SQL fragments and row shaping shared by the statistics reads (daily, period totals, today). */
import { sql, type SQL } from 'drizzle-orm';
import { type PortRecord } from '@/lib/ports/queries';
import { effectiveStatusSql } from '@/lib/roster/queries';
import { rates } from './rules';

/** (port_id, ord) rows of the selected ports, so SQL keeps the display order. */
export function selectedPortsSql(ports: readonly PortRecord[]): SQL {
  return sql`(values ${sql.join(
    ports.map((p, i) => sql`(${p.id}::int, ${i}::int)`),
    sql`, `,
  )}) as sel(port_id, ord)`;
}

export function portIdsSql(ports: readonly PortRecord[]): SQL {
  return sql.join(
    ports.map((p) => sql`${p.id}::int`),
    sql`, `,
  );
}

export function daysSql(from: string, to: string): SQL {
  // Integer series: PostgreSQL knows its exact row count, which keeps the plan's estimates honest.
  return sql`(select ${from}::date + k as date from generate_series(0, ${to}::date - ${from}::date) k) as days`;
}

/** Count columns over appointments `a` joined with ports `p`. */
export function countsSql(at: Date): SQL {
  return sql`
    count(*) filter (where a.status <> 'cancelled')::int as booked,
    count(*) filter (where a.status in ('checked_in', 'processed'))::int as checked_in,
    count(*) filter (where a.status = 'late')::int as late,
    count(*) filter (where ${effectiveStatusSql(at)} = 'no_show')::int as no_show,
    count(*) filter (where a.status = 'processed')::int as processed,
    count(*) filter (where a.status = 'cancelled')::int as cancelled,
    count(*) filter (where a.status = 'checked_in')::int as in_progress`;
}

/** Whole minutes from arrival to the recorded outcome. */
export const MINUTES_TO_OUTCOME = sql`floor(extract(epoch from (o.recorded_at - a.arrived_at)) / 60)`;

/** Minutes to one decimal: percentile_cont interpolates in floating point. */
export function tenths(value: number | string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}

export function parseJson<T>(value: T | string | null | undefined, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export interface CountRow {
  capacity: number;
  booked: number;
  checked_in: number;
  late: number;
  no_show: number;
  processed: number;
  cancelled: number;
  in_progress: number;
}

export function toCounts(r: CountRow) {
  const counts = {
    capacity: Number(r.capacity),
    booked: r.booked,
    checkedIn: r.checked_in,
    late: r.late,
    noShow: r.no_show,
    processed: r.processed,
    cancelled: r.cancelled,
  };
  const { arrived, utilisation, noShowRate, lateRate } = rates(counts);
  return { ...counts, inProgress: r.in_progress, arrived, utilisation, noShowRate, lateRate };
}
