/** SQL fragments and row shaping shared by the statistics reads (daily, period totals, today), all over the rollups. */
import { sql, type SQL } from 'drizzle-orm';
import { type PortRecord } from '@/lib/ports/queries';
import { addDays, portToday } from '@/lib/time';
import { rates } from './rules';
import type { PeriodTotals } from './schemas';

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

/**
 * The first port-local date whose figures still move with the clock at `at` (yesterday in the
 * zone of ports `p`). Before it, every appointment still stored `scheduled` is past its deadline
 * (at most 120 minutes after its day ends) and so a no-show.
 */
export function liveFromSql(at: Date): SQL {
  return sql`((${at.toISOString()}::timestamptz at time zone p.time_zone)::date - 1)`;
}

/**
 * CTE body `od`: per live port-day in [from, to], the appointments still stored `scheduled` whose
 * deadline (scheduled_at + the port's grace) has passed at `at`, from the pending rollup.
 */
export function overdueSql(ports: readonly PortRecord[], from: string, to: string, at: Date): SQL {
  // The earliest live date of any port, so the scan keeps to the primary key's range.
  const liveFrom = ports.map((p) => addDays(portToday(p.timeZone, at), -1)).sort()[0]!;
  const lower = liveFrom > from ? liveFrom : from;
  return sql`select pe.port_id, pe.service_date,
      (sum(pe.n) filter (where pe.scheduled_at + make_interval(mins => p.grace_minutes) < ${at.toISOString()}::timestamptz))::int as overdue
    from stats_port_day_pending pe join ports p on p.id = pe.port_id
    where pe.port_id in (${portIdsSql(ports)}) and pe.service_date between ${lower}::date and ${to}::date
      and pe.service_date >= ${liveFromSql(at)}
    group by 1, 2`;
}

/**
 * Count columns of one port-day from the rollups: `d` (stats_port_day, left joined), `od`
 * (overdueSql, left joined) and ports `p`, for the date expression `date`.
 */
export function rollupCountsSql(date: SQL, at: Date): SQL {
  return sql`
    coalesce(d.scheduled + d.checked_in + d.late + d.no_show + d.processed, 0)::int as booked,
    coalesce(d.checked_in + d.processed, 0)::int as checked_in,
    coalesce(d.late, 0)::int as late,
    (coalesce(d.no_show, 0) + case when ${date} < ${liveFromSql(at)} then coalesce(d.scheduled, 0) else coalesce(od.overdue, 0) end)::int as no_show,
    coalesce(d.processed, 0)::int as processed,
    coalesce(d.cancelled, 0)::int as cancelled,
    coalesce(d.checked_in, 0)::int as in_progress`;
}

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

/** A port (or the total, port null) with nothing in the period: what both the rollup read and the plain one answer. */
export function emptyTotals(port: string | null): PeriodTotals {
  return {
    port,
    ...toCounts({ capacity: 0, booked: 0, checked_in: 0, late: 0, no_show: 0, processed: 0, cancelled: 0, in_progress: 0 }),
    outcomes: {},
    minutesToOutcome: { median: null, p90: null, count: 0 },
  };
}

/**
 * Period totals keyed by port slug, null for all the selected ports together, each selected port
 * present even with nothing in the period. `key` finds a grouping-sets row's entry by its port id
 * (null: the total row); `result` is the answer in the selection's order.
 */
export function totalsByPort(ports: readonly PortRecord[]) {
  const slugById = new Map(ports.map((p) => [p.id, p.slug]));
  const byPort = new Map<string | null, PeriodTotals>([[null, emptyTotals(null)], ...ports.map((p): [string, PeriodTotals] => [p.slug, emptyTotals(p.slug)])]);
  const key = (id: number | null) => (id === null ? null : (slugById.get(Number(id)) ?? null));
  const result = () => ({ total: byPort.get(null)!, ports: ports.map((p) => byPort.get(p.slug)!) });
  return { byPort, key, result };
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
