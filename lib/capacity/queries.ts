/**
 * Capacity reads, aggregated in SQL: effective limits per port and date (override, else weekday
 * default, else 0), active bookings, and the national totals against the cap.
 */
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows, type DbOrTx } from '@/db/client';
import { ports, weekdayLimits } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { NATIONAL_CAP_SQL } from '@/lib/intake/capacity';
import { addDays, daysBetween, now, portToday, type IsoDate } from '@/lib/time';
import { remaining, WEEKDAY_KEYS, type CapacityDay, type LimitSource } from './rules';
import type { CapacityCalendar, CapacityDayJson, NationalDayJson } from './schemas';

export const CALENDAR_DAYS = 60;
export const MAX_CALENDAR_DAYS = 400;

/** Effective limit of every port on every date of [from, to] (effective_daily_limits, migration 0011), as a reusable CTE body. */
function effectiveLimitsCte(from: IsoDate, to: IsoDate) {
  return sql`
    eff as (
      select l.service_date as date, p.id as port_id, p.active, l.daily_limit as lim, l.source
      from effective_daily_limits(${from}::date, ${to}::date) l
      join ports p on p.id = l.port_id
    )`;
}

export async function readNationalCap(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ cap: number }>(db, sql`select ${NATIONAL_CAP_SQL} as cap`);
  return row!.cap;
}

/**
 * For capacity writes: per date, the total of the active ports' limits and (when a port is
 * given) that port's limit and active bookings. Runs inside the writer's transaction.
 */
export async function capacityWindow(tx: DbOrTx, from: IsoDate, to: IsoDate, portId?: number): Promise<CapacityDay[]> {
  const rows = await queryRows<{ date: string; total: number; port_limit: number | null; port_booked: number | null }>(
    tx,
    sql`with ${effectiveLimitsCte(from, to)},
      booked as (
        select service_date, count(*)::int as n from appointments
        where port_id = ${portId ?? -1} and service_date between ${from}::date and ${to}::date and status <> 'cancelled'
        group by service_date
      )
      select eff.date::text as date,
        coalesce(sum(eff.lim) filter (where eff.active), 0)::int as total,
        max(eff.lim) filter (where eff.port_id = ${portId ?? -1})::int as port_limit,
        coalesce(max(booked.n), 0)::int as port_booked
      from eff left join booked on booked.service_date = eff.date
      group by eff.date
      order by eff.date`,
  );
  return rows.map((r) => ({
    date: r.date,
    total: Number(r.total),
    ...(portId === undefined ? {} : { portLimit: Number(r.port_limit ?? 0), portBooked: Number(r.port_booked ?? 0) }),
  }));
}

/** The last date with an override anywhere, so a capacity check also covers far-off overrides. */
export async function lastOverrideDate(tx: DbOrTx): Promise<IsoDate | null> {
  const [row] = await queryRows<{ last: string | null }>(tx, sql`select max(service_date)::text as last from date_limit_overrides`);
  return row?.last ?? null;
}

export interface CalendarParams {
  port?: string;
  from?: IsoDate;
  to?: IsoDate;
}

/** The admin calendar: per port and date limit, booked, remaining and source; national totals vs cap. */
export async function capacityCalendar(actor: Actor, params: CalendarParams): Promise<CapacityCalendar & { from: IsoDate; to: IsoDate }> {
  assertCan(actor, 'admin.capacity');
  const db = await getDb();
  const allPorts = await db
    .select({ id: ports.id, slug: ports.slug, timeZone: ports.timeZone })
    .from(ports)
    .orderBy(asc(ports.sortOrder), asc(ports.name));
  const port = params.port ? allPorts.find((p) => p.slug === params.port) : undefined;
  if (params.port && !port) throw new AppError('NOT_FOUND', `No port "${params.port}".`);
  const at = now();
  // Without a start, begin at the earliest "today" of the ports shown, so no port's today is missing.
  const todays = (port ? [port] : allPorts).map((p) => portToday(p.timeZone, at)).sort();
  const from = params.from ?? todays[0] ?? portToday('UTC', at);
  const to = params.to ?? addDays(from, CALENDAR_DAYS - 1);
  const span = daysBetween(from, to);
  if (span < 0) throw new AppError('VALIDATION', '"to" is before "from".', { fields: { to: 'must not be before from' } });
  if (span >= MAX_CALENDAR_DAYS) {
    throw new AppError('VALIDATION', `At most ${MAX_CALENDAR_DAYS} days at a time.`, { fields: { to: `at most ${MAX_CALENDAR_DAYS} days after from` } });
  }

  const portFilter = port ? sql`and eff.port_id = ${port.id}` : sql``;
  const dayRows = await queryRows<{ date: string; slug: string; name: string; active: boolean; lim: number; source: LimitSource; booked: number }>(
    db,
    sql`with ${effectiveLimitsCte(from, to)},
      booked as (
        select port_id, service_date, count(*)::int as n from appointments
        where service_date between ${from}::date and ${to}::date and status <> 'cancelled'
        group by port_id, service_date
      )
      select eff.date::text as date, p.slug, p.name, p.active, eff.lim, eff.source, coalesce(b.n, 0)::int as booked
      from eff
      join ports p on p.id = eff.port_id
      left join booked b on b.port_id = eff.port_id and b.service_date = eff.date
      where true ${portFilter}
      order by eff.date, p.sort_order, p.name`,
  );
  const cap = await readNationalCap(db);
  const nationalRows = await queryRows<{ date: string; lim: number; booked: number }>(
    db,
    sql`with ${effectiveLimitsCte(from, to)},
      booked as (
        select service_date, count(*)::int as n from appointments
        where service_date between ${from}::date and ${to}::date and status <> 'cancelled'
        group by service_date
      )
      select eff.date::text as date,
        coalesce(sum(eff.lim) filter (where eff.active), 0)::int as lim,
        coalesce(max(booked.n), 0)::int as booked
      from eff left join booked on booked.service_date = eff.date
      group by eff.date
      order by eff.date`,
  );

  const days: CapacityDayJson[] = dayRows.map((r) => ({
    date: r.date,
    port: r.slug,
    portName: r.name,
    portActive: r.active,
    limit: Number(r.lim),
    booked: Number(r.booked),
    remaining: remaining(Number(r.lim), Number(r.booked)),
    source: r.source,
  }));
  const national: NationalDayJson[] = nationalRows.map((r) => ({ date: r.date, limit: Number(r.lim), booked: Number(r.booked), cap }));

  const weekdayRows = await db
    .select({ slug: ports.slug, isoWeekday: weekdayLimits.isoWeekday, dailyLimit: weekdayLimits.dailyLimit })
    .from(weekdayLimits)
    .innerJoin(ports, eq(ports.id, weekdayLimits.portId));
  // Every port's defaults, even when one port is shown: the edit form offers them all.
  const weekdays: Record<string, Record<string, number>> = {};
  for (const p of allPorts) weekdays[p.slug] = Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, 0]));
  for (const r of weekdayRows) weekdays[r.slug]![WEEKDAY_KEYS[r.isoWeekday - 1]!] = r.dailyLimit;

  return { days, national, nationalCap: cap, weekdays, from, to };
}
