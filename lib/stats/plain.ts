/**
 * Every statistics figure counted straight from the appointments: the reference the rollup reads
 * are reconciled against (lib/stats/reconcile.db.test.ts) and the benchmark's comparison. Never
 * used by a page or a route: over a year of seven ports these take seconds (bench/stats.ts).
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { type PortRecord } from '@/lib/ports/queries';
import { effectiveStatusSql } from '@/lib/roster/queries';
import { now, portToday } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import { previousPeriod, rates } from './rules';
import type { DailyStats, Hourly, PeriodTotals, Summary, Today } from './schemas';
import { daysSql, parseJson, portIdsSql, selectedPortsSql, tenths, toCounts, type CountRow, emptyTotals, totalsByPort } from './sql';

/** Count columns over appointments `a` joined with ports `p`. */
function countsSql(at: Date): SQL {
  return sql`
    count(*) filter (where a.status <> 'cancelled')::int as booked,
    count(*) filter (where a.status in ('checked_in', 'processed'))::int as checked_in,
    count(*) filter (where a.status = 'late')::int as late,
    count(*) filter (where ${effectiveStatusSql(at)} = 'no_show')::int as no_show,
    count(*) filter (where a.status = 'processed')::int as processed,
    count(*) filter (where a.status = 'cancelled')::int as cancelled,
    count(*) filter (where a.status = 'checked_in')::int as in_progress`;
}

/** Whole minutes from arrival to the recorded outcome; with `cap`, longer durations count as `cap` (the histogram's overflow rule). */
const minutesToOutcome = (cap?: number) =>
  cap === undefined
    ? sql`floor(extract(epoch from (o.recorded_at - a.arrived_at)) / 60)`
    : sql`least(greatest(floor(extract(epoch from (o.recorded_at - a.arrived_at)) / 60), 0), ${cap}::int)`;

export function dailyStatsPlainSql(ports: readonly PortRecord[], from: string, to: string, at: Date): SQL {
  const ids = portIdsSql(ports);
  return sql`with agg as (
      select a.port_id, a.service_date, ${countsSql(at)}
      from appointments a join ports p on p.id = a.port_id
      where a.port_id in (${ids}) and a.service_date between ${from}::date and ${to}::date
      group by a.port_id, a.service_date),
    mix as (
      select port_id, service_date, json_object_agg(code, n order by code) as outcomes from (
        select a.port_id, a.service_date, o.code, count(*)::int as n
        from appointments a join outcomes o on o.appointment_id = a.id
        where a.port_id in (${ids}) and a.service_date between ${from}::date and ${to}::date and a.status = 'processed'
        group by 1, 2, 3) x
      group by 1, 2)
    select days.date::text as date, p.slug as port,
      ${EFFECTIVE_LIMIT}::int as capacity,
      coalesce(agg.booked, 0) as booked, coalesce(agg.checked_in, 0) as checked_in, coalesce(agg.late, 0) as late,
      coalesce(agg.no_show, 0) as no_show, coalesce(agg.processed, 0) as processed,
      coalesce(agg.cancelled, 0) as cancelled, coalesce(agg.in_progress, 0) as in_progress,
      mix.outcomes
    from ${selectedPortsSql(ports)}
    join ports p on p.id = sel.port_id
    cross join ${daysSql(from, to)}
    ${limitJoinsSql(sql`p.id`, sql`days.date`, from, to)}
    left join agg on agg.port_id = p.id and agg.service_date = days.date
    left join mix on mix.port_id = p.id and mix.service_date = days.date
    order by days.date, sel.ord`;
}

export async function readDailyStatsPlain(ports: readonly PortRecord[], from: string, to: string, at: Date = now()): Promise<DailyStats> {
  if (ports.length === 0) return { days: [] };
  const db = await getDb();
  const rows = await queryRows<CountRow & { date: string; port: string; outcomes: Record<string, number> | string | null }>(
    db,
    dailyStatsPlainSql(ports, from, to, at),
  );
  return {
    days: rows.map((r) => {
      const c = toCounts(r);
      return {
        date: r.date, port: r.port, capacity: c.capacity, booked: c.booked, checkedIn: c.checkedIn, late: c.late, noShow: c.noShow,
        processed: c.processed, cancelled: c.cancelled, outcomes: parseJson(r.outcomes, {}), inProgress: c.inProgress,
        arrived: c.arrived, utilisation: c.utilisation, noShowRate: c.noShowRate, lateRate: c.lateRate,
      };
    }),
  };
}

export async function readPeriodTotalsPlain(
  ports: readonly PortRecord[],
  from: string,
  to: string,
  at: Date = now(),
  capMinutes?: number,
): Promise<{ total: PeriodTotals; ports: PeriodTotals[] }> {
  const db = await getDb();
  if (ports.length === 0) return { total: emptyTotals(null), ports: [] };
  const ids = portIdsSql(ports);
  const range = sql`a.port_id in (${ids}) and a.service_date between ${from}::date and ${to}::date`;
  const MINUTES_TO_OUTCOME = minutesToOutcome(capMinutes);
  type Row = CountRow & { port_id: number | null; median: number | null; p90: number | null; timed: number };
  const [countRows, outcomeRows, capacityRows] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select case when grouping(a.port_id) = 1 then null else a.port_id end as port_id,
          0 as capacity, ${countsSql(at)},
          percentile_cont(0.5) within group (order by ${MINUTES_TO_OUTCOME}) filter (where a.status = 'processed') as median,
          percentile_cont(0.9) within group (order by ${MINUTES_TO_OUTCOME}) filter (where a.status = 'processed') as p90,
          count(${MINUTES_TO_OUTCOME}) filter (where a.status = 'processed')::int as timed
        from appointments a join ports p on p.id = a.port_id
        left join outcomes o on o.appointment_id = a.id
        where ${range}
        group by grouping sets ((a.port_id), ())`,
    ),
    queryRows<{ port_id: number | null; code: string; n: number }>(
      db,
      sql`select case when grouping(a.port_id) = 1 then null else a.port_id end as port_id, o.code, count(*)::int as n
        from appointments a join outcomes o on o.appointment_id = a.id
        where ${range} and a.status = 'processed'
        group by grouping sets ((a.port_id, o.code), (o.code))
        order by o.code`,
    ),
    queryRows<{ port_id: number | null; capacity: number }>(
      db,
      sql`select case when grouping(sel.port_id) = 1 then null else sel.port_id end as port_id,
          sum(${EFFECTIVE_LIMIT})::int as capacity
        from ${selectedPortsSql(ports)} cross join ${daysSql(from, to)}
        ${limitJoinsSql(sql`sel.port_id`, sql`days.date`, from, to)}
        group by grouping sets ((sel.port_id), ())`,
    ),
  ]);
  const { byPort, key, result } = totalsByPort(ports);
  for (const r of countRows) {
    const slug = key(r.port_id);
    byPort.set(slug, {
      ...byPort.get(slug)!,
      ...toCounts({ ...r, capacity: 0 }),
      minutesToOutcome: { median: tenths(r.median), p90: tenths(r.p90), count: r.timed },
    });
  }
  for (const r of capacityRows) {
    const slug = key(r.port_id);
    const t = byPort.get(slug)!;
    const capacity = Number(r.capacity);
    byPort.set(slug, { ...t, capacity, utilisation: rates({ ...t, capacity }).utilisation });
  }
  for (const r of outcomeRows) byPort.get(key(r.port_id))!.outcomes[r.code] = r.n;
  return result();
}

export async function readSummaryPlain(ports: readonly PortRecord[], from: string, to: string, at: Date = now(), capMinutes?: number): Promise<Summary> {
  const prev = previousPeriod(from, to);
  const [current, before] = await Promise.all([
    readPeriodTotalsPlain(ports, from, to, at, capMinutes),
    readPeriodTotalsPlain(ports, prev.from, prev.to, at, capMinutes),
  ]);
  return { from, to, total: current.total, ports: current.ports, previous: { ...prev, total: before.total } };
}

export async function readHourlyPlain(ports: readonly PortRecord[], from: string, to: string): Promise<Hourly> {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, scheduled: 0, arrived: 0 }));
  if (ports.length === 0) return { hours };
  const db = await getDb();
  const range = sql`a.port_id in (${portIdsSql(ports)}) and a.service_date between ${from}::date and ${to}::date`;
  const rows = await queryRows<{ hour: number; scheduled: number; arrived: number }>(
    db,
    sql`select hour, sum(s)::int as scheduled, sum(r)::int as arrived from (
        select extract(hour from a.scheduled_at at time zone p.time_zone)::int as hour, 1 as s, 0 as r
        from appointments a join ports p on p.id = a.port_id
        where ${range} and a.status <> 'cancelled'
        union all
        select extract(hour from a.arrived_at at time zone p.time_zone)::int, 0, 1
        from appointments a join ports p on p.id = a.port_id
        where ${range} and a.arrived_at is not null) x
      group by hour`,
  );
  for (const r of rows) hours[r.hour] = { hour: r.hour, scheduled: r.scheduled, arrived: r.arrived };
  return { hours };
}

export async function readTodayPlain(ports: readonly PortRecord[], at: Date = now()): Promise<Today> {
  if (ports.length === 0) return { at: at.toISOString(), ports: [] };
  const dates = ports.map((p) => portToday(p.timeZone, at)).sort();
  const [first, last] = [dates[0]!, dates[dates.length - 1]!];
  const db = await getDb();
  const rows = await queryRows<{
    port: string; name: string; date: string; capacity: number; booked: number; arrived: number;
    still_due: number; no_shows: number; in_progress: number; processed: number;
  }>(
    db,
    sql`select p.slug as port, p.name, sel.date::text as date,
        ${EFFECTIVE_LIMIT}::int as capacity,
        count(a.id) filter (where a.status <> 'cancelled')::int as booked,
        count(a.id) filter (where a.arrived_at is not null)::int as arrived,
        count(a.id) filter (where ${effectiveStatusSql(at)} = 'scheduled')::int as still_due,
        count(a.id) filter (where ${effectiveStatusSql(at)} = 'no_show')::int as no_shows,
        count(a.id) filter (where a.status = 'checked_in')::int as in_progress,
        count(a.id) filter (where a.status = 'processed')::int as processed
      from (values ${sql.join(
        ports.map((p, i) => sql`(${p.id}::int, ${portToday(p.timeZone, at)}::date, ${i}::int)`),
        sql`, `,
      )}) as sel(port_id, date, ord)
      join ports p on p.id = sel.port_id
      ${limitJoinsSql(sql`p.id`, sql`sel.date`, first, last)}
      left join appointments a on a.port_id = p.id and a.service_date = sel.date
      group by p.id, p.slug, p.name, sel.date, sel.ord, lim.daily_limit
      order by sel.ord`,
  );
  return {
    at: at.toISOString(),
    ports: rows.map((r) => ({
      port: r.port, name: r.name, date: r.date, capacity: Number(r.capacity), booked: r.booked, arrived: r.arrived,
      stillDue: r.still_due, noShows: r.no_shows, inProgress: r.in_progress, processed: r.processed,
    })),
  };
}
