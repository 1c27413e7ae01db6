/**
 * Statistics reads. Everything is aggregated in PostgreSQL by the port's own service date
 * (appointments.service_date is port-local), with the derived no-show (scheduled past its
 * deadline) read through the roster's effectiveStatusSql at the single clock of lib/time.
 */
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryRows } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, assertPortVisible } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { listPorts, portIdOfSlug, type PortRecord } from '@/lib/ports/queries';
import { effectiveStatusSql } from '@/lib/roster/queries';
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
