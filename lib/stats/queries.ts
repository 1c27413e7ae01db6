/**
 * Statistics reads, from the rollups only (db/schema/stats.ts), by the port's own service date
 * (appointments.service_date is port-local); the derived no-show (scheduled past its deadline)
 * is counted from the pending rollup at the single clock of lib/time.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, assertPortVisible } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { listPorts, portIdOfSlug, type PortRecord } from '@/lib/ports/queries';
import { now, portToday } from '@/lib/time';
import { EFFECTIVE_LIMIT, limitJoinsSql } from './capacity-sql';
import type { Hourly, StatsRangeQuery, StatsTodayQuery, Today } from './schemas';
import { portIdsSql } from './sql';

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

/** Arrivals by hour of the port-local day against the scheduled hours, over the range. */
export async function getHourly(actor: Actor, query: StatsRangeQuery): Promise<Hourly> {
  const ports = await resolveStatsPorts(actor, query.port);
  return readHourly(ports, query.from, query.to);
}

export async function readHourly(ports: readonly PortRecord[], from: string, to: string): Promise<Hourly> {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, scheduled: 0, arrived: 0 }));
  if (ports.length === 0) return { hours };
  const db = await getDb();
  const rows = await queryRows<{ hour: number; scheduled: number; arrived: number }>(
    db,
    sql`select hour, sum(scheduled)::int as scheduled, sum(arrived)::int as arrived
      from stats_port_day_hour
      where port_id in (${portIdsSql(ports)}) and service_date between ${from}::date and ${to}::date
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

/**
 * Read from the rollups: the port-day counters, the pending instants (still due or past the
 * deadline at `at`) and the hour rollup's arrivals (arrived_at set, whatever the status now).
 */
export async function readToday(ports: readonly PortRecord[], at: Date = now()): Promise<Today> {
  if (ports.length === 0) return { at: at.toISOString(), ports: [] };
  const dates = ports.map((p) => portToday(p.timeZone, at)).sort();
  const [first, last] = [dates[0]!, dates[dates.length - 1]!];
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
    sql`with sel(port_id, date, ord) as (values ${sql.join(
      ports.map((p, i) => sql`(${p.id}::int, ${portToday(p.timeZone, at)}::date, ${i}::int)`),
      sql`, `,
    )}),
      od as (
        select pe.port_id, pe.service_date,
          (sum(pe.n) filter (where pe.scheduled_at + make_interval(mins => p.grace_minutes) < ${at.toISOString()}::timestamptz))::int as overdue
        from sel join stats_port_day_pending pe on pe.port_id = sel.port_id and pe.service_date = sel.date
        join ports p on p.id = pe.port_id
        group by 1, 2),
      arr as (
        select h.port_id, h.service_date, sum(h.arrived)::int as arrived
        from sel join stats_port_day_hour h on h.port_id = sel.port_id and h.service_date = sel.date
        group by 1, 2)
      select p.slug as port, p.name, sel.date::text as date,
        ${EFFECTIVE_LIMIT}::int as capacity,
        coalesce(d.scheduled + d.checked_in + d.late + d.no_show + d.processed, 0)::int as booked,
        coalesce(arr.arrived, 0)::int as arrived,
        (coalesce(d.scheduled, 0) - coalesce(od.overdue, 0))::int as still_due,
        (coalesce(d.no_show, 0) + coalesce(od.overdue, 0))::int as no_shows,
        coalesce(d.checked_in, 0)::int as in_progress,
        coalesce(d.processed, 0)::int as processed
      from sel
      join ports p on p.id = sel.port_id
      ${limitJoinsSql(sql`p.id`, sql`sel.date`, first, last)}
      left join stats_port_day d on d.port_id = p.id and d.service_date = sel.date
      left join od on od.port_id = p.id and od.service_date = sel.date
      left join arr on arr.port_id = p.id and arr.service_date = sel.date
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
