/** Totals over a period, with the previous period of the same length (GET /api/v1/stats/summary). */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { type PortRecord } from '@/lib/ports/queries';
import { now } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import { histogramPercentile, previousPeriod } from './rules';
import type { PeriodTotals, StatsRangeQuery, Summary } from './schemas';
import { selectedPortsSql, portIdsSql, daysSql, overdueSql, rollupCountsSql, tenths, type CountRow, toCounts, emptyTotals, totalsByPort } from './sql';
import { resolveStatsPorts } from './queries';

/**
 * Totals over [from, to] per port and for all the given ports together, read from the rollups
 * only. Counts are summed by PostgreSQL (grouping sets), never in JavaScript, so the two
 * reconcile. Medians and p90 come from the minutes-to-outcome histogram (one-minute buckets,
 * 240 and more in one overflow bucket): the figure is whole minutes, so they equal
 * percentile_cont over the appointments while the ranks involved are under 240 minutes, and
 * count an overflowing duration as 240 (a lower bound; histogramPercentile in rules.ts).
 */
export async function readPeriodTotals(
  ports: readonly PortRecord[],
  from: string,
  to: string,
  at: Date = now(),
): Promise<{ total: PeriodTotals; ports: PeriodTotals[] }> {
  if (ports.length === 0) return { total: emptyTotals(null), ports: [] };
  const db = await getDb();
  const ids = portIdsSql(ports);
  const range = sql`port_id in (${ids}) and service_date between ${from}::date and ${to}::date`;
  const groupedPort = sql`case when grouping(port_id) = 1 then null else port_id end as port_id`;
  const [countRows, outcomeRows, minuteRows] = await Promise.all([
    queryRows<CountRow & { port_id: number | null }>(
      db,
      sql`with od as (${overdueSql(ports, from, to, at)}),
        pd as (
          select sel.port_id, ${EFFECTIVE_LIMIT}::int as capacity, ${rollupCountsSql(sql`days.date`, at)}
          from ${selectedPortsSql(ports)}
          join ports p on p.id = sel.port_id
          cross join ${daysSql(from, to)}
          ${limitJoinsSql(sql`p.id`, sql`days.date`, from, to)}
          left join stats_port_day d on d.port_id = p.id and d.service_date = days.date
          left join od on od.port_id = p.id and od.service_date = days.date)
        select ${groupedPort}, sum(capacity)::int as capacity, sum(booked)::int as booked, sum(checked_in)::int as checked_in,
          sum(late)::int as late, sum(no_show)::int as no_show, sum(processed)::int as processed,
          sum(cancelled)::int as cancelled, sum(in_progress)::int as in_progress
        from pd group by grouping sets ((port_id), ())`,
    ),
    queryRows<{ port_id: number | null; code: string; n: number }>(
      db,
      sql`select ${groupedPort}, code, sum(n)::int as n from stats_port_day_outcome where ${range}
        group by grouping sets ((port_id, code), (code)) having sum(n) <> 0 order by code`,
    ),
    queryRows<{ port_id: number | null; minute: number; n: number }>(
      db,
      sql`select ${groupedPort}, minute, sum(n)::int as n from stats_port_day_minutes where ${range}
        group by grouping sets ((port_id, minute), (minute)) having sum(n) <> 0 order by minute`,
    ),
  ]);
  const { byPort, key, result } = totalsByPort(ports);
  for (const r of countRows) {
    const slug = key(r.port_id);
    byPort.set(slug, { ...byPort.get(slug)!, ...toCounts(r) });
  }
  for (const r of outcomeRows) byPort.get(key(r.port_id))!.outcomes[r.code] = r.n;
  const histograms = new Map<string | null, [number, number][]>();
  for (const r of minuteRows) {
    const slug = key(r.port_id);
    if (!histograms.has(slug)) histograms.set(slug, []);
    histograms.get(slug)!.push([r.minute, r.n]);
  }
  for (const [slug, buckets] of histograms) {
    byPort.get(slug)!.minutesToOutcome = {
      median: tenths(histogramPercentile(buckets, 0.5)),
      p90: tenths(histogramPercentile(buckets, 0.9)),
      count: buckets.reduce((a, [, n]) => a + n, 0),
    };
  }
  return result();
}

/** Headline figures for the period and the one of the same length just before it (one more rollup read). */
export async function getSummary(actor: Actor, query: StatsRangeQuery): Promise<Summary> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readSummary(ports, query.from, query.to);
}

export async function readSummary(ports: readonly PortRecord[], from: string, to: string, at: Date = now()): Promise<Summary> {
  const prev = previousPeriod(from, to);
  const [current, before] = await Promise.all([readPeriodTotals(ports, from, to, at), readPeriodTotals(ports, prev.from, prev.to, at)]);
  return { from, to, total: current.total, ports: current.ports, previous: { ...prev, total: before.total } };
}
