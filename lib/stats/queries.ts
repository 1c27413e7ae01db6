/**
 * Statistics reads. Everything is aggregated in PostgreSQL by the port's own service date
 * (appointments.service_date is port-local), with the derived no-show (scheduled past its
 * deadline) read through the roster's effectiveStatusSql at the single clock of lib/time.
 */
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, assertPortVisible } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { listPorts, portIdOfSlug, type PortRecord } from '@/lib/ports/queries';
import { effectiveStatusSql } from '@/lib/roster/queries';
import { addDays, now, portToday } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import { previousPeriod, rates } from './rules';
import type { DailyStat, DailyStats, Hourly, PeriodTotals, StatsRangeQuery, StatsTodayQuery, Summary, Today } from './schemas';

/** The ports asked for (all the actor may see when none is named), in display order. Unknown or hidden: NOT_FOUND. */
export async function resolveStatsPorts(actor: Actor, slugs: readonly string[]): Promise<PortRecord[]> {
  assertCan(actor, 'stats.read');
  const visible = await listPorts(actor);
  if (slugs.length === 0) return visible;
  const wanted = new Set(slugs);
  for (const slug of wanted) {
    if (!visible.some((p) => p.slug === slug)) {
      const wording = { message: `No port "${slug}".`, es: `No existe el puerto «${slug}».` };
      // Another port's statistics: the same answer as a missing port, but recorded as a denial.
      const hiddenId = await portIdOfSlug(slug);
      if (hiddenId !== null) assertPortVisible(actor, hiddenId, wording);
      throw new AppError('NOT_FOUND', wording.message, { es: wording.es });
    }
  }
  return visible.filter((p) => wanted.has(p.slug));
}

/** (port_id, ord) rows of the selected ports, so SQL keeps the display order. */
function selectedPortsSql(ports: readonly PortRecord[]): SQL {
  return sql`(values ${sql.join(
    ports.map((p, i) => sql`(${p.id}::int, ${i}::int)`),
    sql`, `,
  )}) as sel(port_id, ord)`;
}

function portIdsSql(ports: readonly PortRecord[]): SQL {
  return sql.join(
    ports.map((p) => sql`${p.id}::int`),
    sql`, `,
  );
}

function daysSql(from: string, to: string): SQL {
  // Integer series: PostgreSQL knows its exact row count, which keeps the plan's estimates honest.
  return sql`(select ${from}::date + k as date from generate_series(0, ${to}::date - ${from}::date) k) as days`;
}

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

/** Whole minutes from arrival to the recorded outcome. */
const MINUTES_TO_OUTCOME = sql`floor(extract(epoch from (o.recorded_at - a.arrived_at)) / 60)`;

/** Minutes to one decimal: percentile_cont interpolates in floating point. */
function tenths(value: number | string | null): number | null {
  return value === null ? null : Math.round(Number(value) * 10) / 10;
}

function parseJson<T>(value: T | string | null | undefined, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

interface CountRow {
  capacity: number;
  booked: number;
  checked_in: number;
  late: number;
  no_show: number;
  processed: number;
  cancelled: number;
  in_progress: number;
}

function toCounts(r: CountRow) {
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

/** Arrivals by hour of the port-local day against the scheduled hours, over the range. */
export async function getHourly(actor: Actor, query: StatsRangeQuery): Promise<Hourly> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readHourly(ports, query.from, query.to);
}

export async function readHourly(ports: readonly PortRecord[], from: string, to: string): Promise<Hourly> {
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

/** Today, live, per port: each port's own local date at the same instant. */
export async function getToday(actor: Actor, query: StatsTodayQuery): Promise<Today> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readToday(ports);
}

export async function readToday(ports: readonly PortRecord[], at: Date = now()): Promise<Today> {
  if (ports.length === 0) return { at: at.toISOString(), ports: [] };
  const db = await getDb();
  const rows = await queryRows<{
    port: string;
    name: string;
    date: string;
    capacity: number;
    booked: number;
    arrived: number;
    still_due: number;
    no_shows: number;
    in_progress: number;
    processed: number;
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
      ${limitJoinsSql(sql`p.id`, sql`sel.date`)}
      left join appointments a on a.port_id = p.id and a.service_date = sel.date
      group by p.id, p.slug, p.name, sel.date, sel.ord, lo.daily_limit, wl.daily_limit
      order by sel.ord`,
  );
  return {
    at: at.toISOString(),
    ports: rows.map((r) => ({
      port: r.port,
      name: r.name,
      date: r.date,
      capacity: Number(r.capacity),
      booked: r.booked,
      arrived: r.arrived,
      stillDue: r.still_due,
      noShows: r.no_shows,
      inProgress: r.in_progress,
      processed: r.processed,
    })),
  };
}

/** Outcome codes with their label in the reader's language, in the catalogue's order (retired ones too: history uses them). */
export async function readOutcomeLabels(locale: 'en' | 'es'): Promise<{ code: string; label: string }[]> {
  const db = await getDb();
  return queryRows<{ code: string; label: string }>(
    db,
    sql`select code, ${locale === 'es' ? sql`label_es` : sql`label_en`} as label from outcome_codes order by sort_order, code`,
  );
}
