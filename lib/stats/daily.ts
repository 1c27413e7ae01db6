/**
 * The daily figures per port (GET /api/v1/stats/daily and the dashboard's charts), read from the
 * rollups kept by triggers only (db/schema/stats.ts); lib/stats/plain.ts counts the same from
 * the appointments for the reconcile test and the benchmark.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { type PortRecord } from '@/lib/ports/queries';
import { now } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import type { DailyStat, DailyStats, StatsRangeQuery } from './schemas';
import { selectedPortsSql, portIdsSql, daysSql, overdueSql, parseJson, rollupCountsSql, type CountRow, toCounts } from './sql';
import { resolveStatsPorts } from './queries';

type DailyRow = CountRow & { date: string; port: string; outcomes: Record<string, number> | string | null };

/**
 * The daily figures as one statement over the rollups (exported for the benchmark, which times it raw).
 * Settled days (two or more days before the port's today) count every stored `scheduled` as a
 * no-show; live days count only those past their deadline, from the pending rollup.
 */
export function dailyStatsSql(ports: readonly PortRecord[], from: string, to: string, at: Date): SQL {
  const ids = portIdsSql(ports);
  return sql`with od as (${overdueSql(ports, from, to, at)}),
    mix as (
      select port_id, service_date, json_object_agg(code, n order by code) as outcomes
      from stats_port_day_outcome
      where port_id in (${ids}) and service_date between ${from}::date and ${to}::date and n <> 0
      group by 1, 2)
    select days.date::text as date, p.slug as port,
      ${EFFECTIVE_LIMIT}::int as capacity,
      ${rollupCountsSql(sql`days.date`, at)},
      mix.outcomes
    from ${selectedPortsSql(ports)}
    join ports p on p.id = sel.port_id
    cross join ${daysSql(from, to)}
    ${limitJoinsSql(sql`p.id`, sql`days.date`, from, to)}
    left join stats_port_day d on d.port_id = p.id and d.service_date = days.date
    left join od on od.port_id = p.id and od.service_date = days.date
    left join mix on mix.port_id = p.id and mix.service_date = days.date
    order by days.date, sel.ord`;
}

/** Per service date and port: capacity, counts, outcome mix and rates (GET /api/v1/stats/daily, docs/api.md). */
export async function getDailyStats(actor: Actor, query: StatsRangeQuery): Promise<DailyStats> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readDailyStats(ports, query.from, query.to);
}

export async function readDailyStats(ports: readonly PortRecord[], from: string, to: string, at: Date = now()): Promise<DailyStats> {
  if (ports.length === 0) return { days: [] };
  const db = await getDb();
  const rows = await queryRows<DailyRow>(db, dailyStatsSql(ports, from, to, at));
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
