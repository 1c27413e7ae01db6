/** Totals over a period, with the previous period of the same length (GET /api/v1/stats/summary). */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { type PortRecord } from '@/lib/ports/queries';
import { now } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import { previousPeriod, rates } from './rules';
import type { PeriodTotals, StatsRangeQuery, Summary } from './schemas';
import { selectedPortsSql, portIdsSql, daysSql, countsSql, MINUTES_TO_OUTCOME, tenths, type CountRow, toCounts } from './sql';
import { resolveStatsPorts } from './queries';

/**
 * Totals over [from, to] per port and for all the given ports together, each computed by
 * PostgreSQL (grouping sets), never by adding up in JavaScript, so the two can be reconciled.
 */
export async function readPeriodTotals(
  ports: readonly PortRecord[],
  from: string,
  to: string,
  at: Date = now(),
): Promise<{ total: PeriodTotals; ports: PeriodTotals[] }> {
  const db = await getDb();
  const slugById = new Map(ports.map((p) => [p.id, p.slug]));
  const empty = (port: string | null): PeriodTotals => ({
    port,
    ...toCounts({ capacity: 0, booked: 0, checked_in: 0, late: 0, no_show: 0, processed: 0, cancelled: 0, in_progress: 0 }),
    outcomes: {},
    minutesToOutcome: { median: null, p90: null, count: 0 },
  });
  if (ports.length === 0) return { total: empty(null), ports: [] };
  const ids = portIdsSql(ports);
  const range = sql`a.port_id in (${ids}) and a.service_date between ${from}::date and ${to}::date`;
  type Row = CountRow & { port_id: number | null; median: number | null; p90: number | null; timed: number };
  const [countRows, outcomeRows, capacityRows] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select case when grouping(a.port_id) = 1 then null else a.port_id end as port_id,
          0 as capacity, ${countsSql(at)},
          percentile_cont(0.5) within group (order by ${MINUTES_TO_OUTCOME}) filter (where a.status = 'processed') as median,
          percentile_cont(0.9) within group (order by ${MINUTES_TO_OUTCOME}) filter (where a.status = 'processed') as p90,
          count(o.appointment_id) filter (where a.status = 'processed')::int as timed
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
        ${limitJoinsSql(sql`sel.port_id`, sql`days.date`)}
        group by grouping sets ((sel.port_id), ())`,
    ),
  ]);
  const key = (id: number | null) => (id === null ? null : (slugById.get(Number(id)) ?? null));
  const byPort = new Map<string | null, PeriodTotals>();
  for (const p of ports) byPort.set(p.slug, empty(p.slug));
  byPort.set(null, empty(null));
  for (const r of countRows) {
    const slug = key(r.port_id);
    const base = byPort.get(slug)!;
    byPort.set(slug, {
      ...base,
      ...toCounts({ ...r, capacity: 0 }),
      minutesToOutcome: {
        median: tenths(r.median),
        p90: tenths(r.p90),
        count: r.timed,
      },
    });
  }
  for (const r of capacityRows) {
    const slug = key(r.port_id);
    const t = byPort.get(slug)!;
    const capacity = Number(r.capacity);
    byPort.set(slug, { ...t, capacity, utilisation: rates({ ...t, capacity }).utilisation });
  }
  for (const r of outcomeRows) byPort.get(key(r.port_id))!.outcomes[r.code] = r.n;
  return { total: byPort.get(null)!, ports: ports.map((p) => byPort.get(p.slug)!) };
}

/** Headline figures for the period and the one of the same length just before it. */
export async function getSummary(actor: Actor, query: StatsRangeQuery): Promise<Summary> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readSummary(ports, query.from, query.to);
}

export async function readSummary(ports: readonly PortRecord[], from: string, to: string, at: Date = now()): Promise<Summary> {
  const prev = previousPeriod(from, to);
  const [current, before] = await Promise.all([readPeriodTotals(ports, from, to, at), readPeriodTotals(ports, prev.from, prev.to, at)]);
  return { from, to, total: current.total, ports: current.ports, previous: { ...prev, total: before.total } };
}
