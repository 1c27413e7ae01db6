/**
 * The daily figures per port (GET /api/v1/stats/daily and the dashboard's charts): settled days from
 * the rollup kept by triggers, recent days counted live (see dailyStatsSql).
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { type PortRecord } from '@/lib/ports/queries';
import { addDays, now, portToday } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import type { DailyStat, DailyStats, StatsRangeQuery } from './schemas';
import { selectedPortsSql, portIdsSql, daysSql, countsSql, parseJson, type CountRow, toCounts } from './sql';
import { resolveStatsPorts } from './queries';

type DailyRow = CountRow & { date: string; port: string; outcomes: Record<string, number> | string | null };

/**
 * The daily aggregate as one statement (exported for the benchmark, which times it raw).
 *
 * Settled days (two or more days before the port's today) are read from the rollup, where every
 * stored `scheduled` is necessarily past its deadline (at most 120 minutes after the day ends)
 * and so a no-show. Recent and future days, whose figures move with the clock, are counted from
 * the appointments with effectiveStatusSql. The outcome mix never depends on the clock: all rollup.
 */
export function dailyStatsSql(ports: readonly PortRecord[], from: string, to: string, at: Date): SQL {
  const ids = portIdsSql(ports);
  const settledBefore = sql`((${at.toISOString()}::timestamptz at time zone p.time_zone)::date - 1)`;
  // The earliest live date of any port, so the live scan can use the (port_id, service_date) index.
  const liveFrom = ports.map((p) => addDays(portToday(p.timeZone, at), -1)).sort()[0]!;
  const liveLower = liveFrom > from ? liveFrom : from;
  return sql`with settled as (
      select s.port_id, s.service_date,
        (sum(s.n) filter (where s.status <> 'cancelled'))::int as booked,
        (sum(s.n) filter (where s.status in ('checked_in', 'processed')))::int as checked_in,
        (sum(s.n) filter (where s.status = 'late'))::int as late,
        (sum(s.n) filter (where s.status in ('no_show', 'scheduled')))::int as no_show,
        (sum(s.n) filter (where s.status = 'processed'))::int as processed,
        (sum(s.n) filter (where s.status = 'cancelled'))::int as cancelled,
        (sum(s.n) filter (where s.status = 'checked_in'))::int as in_progress
      from stats_daily s join ports p on p.id = s.port_id
      where s.port_id in (${ids}) and s.service_date between ${from}::date and ${to}::date
        and s.service_date < ${settledBefore}
      group by s.port_id, s.service_date),
    live as (
      select a.port_id, a.service_date, ${countsSql(at)}
      from appointments a join ports p on p.id = a.port_id
      where a.port_id in (${ids}) and a.service_date between ${liveLower}::date and ${to}::date
        and a.service_date >= ${settledBefore}
      group by a.port_id, a.service_date),
    agg as (select * from settled union all select * from live),
    mix as (
      select port_id, service_date, json_object_agg(code, n order by code) as outcomes
      from (
        select port_id, service_date, code, sum(n)::int as n
        from stats_daily_outcomes
        where port_id in (${ids}) and service_date between ${from}::date and ${to}::date
        group by 1, 2, 3 having sum(n) <> 0) by_code
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
    ${limitJoinsSql(sql`p.id`, sql`days.date`)}
    left join agg on agg.port_id = p.id and agg.service_date = days.date
    left join mix on mix.port_id = p.id and mix.service_date = days.date
    order by days.date, sel.ord`;
}

/** The same figures counted from the appointments alone (the benchmark's and the tests' reference). */
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
    ${limitJoinsSql(sql`p.id`, sql`days.date`)}
    left join agg on agg.port_id = p.id and agg.service_date = days.date
    left join mix on mix.port_id = p.id and mix.service_date = days.date
    order by days.date, sel.ord`;
}

/** Per service date and port: capacity, counts, outcome mix and rates (api.md Statistics). */
export async function getDailyStats(actor: Actor, query: StatsRangeQuery): Promise<DailyStats> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readDailyStats(ports, query.from, query.to);
}

export async function readDailyStats(
  ports: readonly PortRecord[],
  from: string,
  to: string,
  at: Date = now(),
  source: 'rollup' | 'plain' = 'rollup',
): Promise<DailyStats> {
  if (ports.length === 0) return { days: [] };
  const db = await getDb();
  const rows = await queryRows<DailyRow>(db, (source === 'rollup' ? dailyStatsSql : dailyStatsPlainSql)(ports, from, to, at));
  const days: DailyStat[] = rows.map((r) => {
    const c = toCounts(r);
    return {
      date: r.date,
      port: r.port,
      capacity: c.capacity,
      booked: c.booked,
      checkedIn: c.checkedIn,
      late: c.late,
      noShow: c.noShow,
      processed: c.processed,
      cancelled: c.cancelled,
      outcomes: parseJson(r.outcomes, {}),
      inProgress: c.inProgress,
      arrived: c.arrived,
      utilisation: c.utilisation,
      noShowRate: c.noShowRate,
      lateRate: c.lateRate,
    };
  });
  return { days };
}
