/**
 * Slot counters. Capacity is enforced by PostgreSQL: a booking reserves its slot with a conditional
 * `update daily_bookings set booked = booked + 1 where booked < <effective limit>`. The counter row's
 * lock serialises concurrent bookers of one port and date, and the losers see the new count and update
 * nothing; the national counter does the same over all ports. Cancelling frees the slot in the same
 * transaction. Lock order is always port counter, then national counter, so bookers never deadlock.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { AppError } from '@/lib/errors';

/** Effective daily limit of a port on a date: the one SQL definition, effective_daily_limit (migration 0011). */
export function limitSql(portId: SQL | number, date: SQL | string): SQL {
  return sql`effective_daily_limit(${portId}::int, ${date}::date)`;
}

/** The national cap per date over all ports (SQL function national_daily_cap, migration 0011). */
export const NATIONAL_CAP_SQL = sql`national_daily_cap()`;

export const ACTIVE_SQL = sql`status <> 'cancelled'`;

/** Creates a missing counter row from the appointments already there (rows loaded by other means). */
/** `pending` is the caller's own, not yet counted appointment, which its transaction already sees. */
async function ensurePortCounter(tx: DbOrTx, portId: number, date: string, pending: string | null): Promise<void> {
  await tx.execute(sql`insert into daily_bookings (port_id, service_date, booked)
    select ${portId}, ${date}::date, count(*)::int from appointments
    where port_id = ${portId} and service_date = ${date}::date and ${ACTIVE_SQL}${pending ? sql` and id <> ${pending}` : sql``}
    on conflict do nothing`);
}

async function ensureNationalCounter(tx: DbOrTx, date: string, pending: string | null): Promise<void> {
  await tx.execute(sql`insert into national_daily_bookings (service_date, booked)
    select ${date}::date, count(*)::int from appointments where service_date = ${date}::date and ${ACTIVE_SQL}${pending ? sql` and id <> ${pending}` : sql``}
    on conflict do nothing`);
}

async function tryTakePort(tx: DbOrTx, portId: number, date: string): Promise<{ booked: number } | null> {
  const [row] = await queryRows<{ booked: number }>(
    tx,
    sql`update daily_bookings set booked = booked + 1
        where port_id = ${portId} and service_date = ${date}::date and booked < ${limitSql(portId, date)}
        returning booked`,
  );
  return row ?? null;
}

async function tryTakeNational(tx: DbOrTx, date: string): Promise<{ booked: number } | null> {
  const [row] = await queryRows<{ booked: number }>(
    tx,
    sql`update national_daily_bookings set booked = booked + 1
        where service_date = ${date}::date and booked < ${NATIONAL_CAP_SQL}
        returning booked`,
  );
  return row ?? null;
}

async function counterExists(tx: DbOrTx, table: 'port' | 'national', portId: number, date: string): Promise<boolean> {
  const rows = await queryRows(
    tx,
    table === 'port'
      ? sql`select 1 from daily_bookings where port_id = ${portId} and service_date = ${date}::date`
      : sql`select 1 from national_daily_bookings where service_date = ${date}::date`,
  );
  return rows.length > 0;
}

/**
 * Takes one slot at the port and one under the national cap, or throws CAPACITY_FULL /
 * NATIONAL_CAP_EXCEEDED (the transaction then rolls back, releasing nothing it did not take).
 */
export async function reserveSlot(tx: DbOrTx, portId: number, date: string, pendingAppointmentId: string | null = null): Promise<void> {
  let port = await tryTakePort(tx, portId, date);
  if (!port && !(await counterExists(tx, 'port', portId, date))) {
    await ensurePortCounter(tx, portId, date, pendingAppointmentId);
    port = await tryTakePort(tx, portId, date);
  }
  if (!port) {
    throw new AppError('CAPACITY_FULL', `No slots left on ${date} at this port.`, { es: `No quedan citas el ${date} en este puerto.` });
  }
  let national = await tryTakeNational(tx, date);
  if (!national && !(await counterExists(tx, 'national', portId, date))) {
    await ensureNationalCounter(tx, date, pendingAppointmentId);
    national = await tryTakeNational(tx, date);
  }
  if (!national) {
    throw new AppError('CAPACITY_FULL', `The national daily cap for ${date} is reached.`, {
      es: `Se alcanzó el límite nacional diario del ${date}.`,
      details: { reason: 'national_cap' },
    });
  }
}

/** Gives back the slot of an appointment that stops being active (cancellation). */
export async function releaseSlot(tx: DbOrTx, portId: number, date: string): Promise<void> {
  await tx.execute(sql`update daily_bookings set booked = booked - 1 where port_id = ${portId} and service_date = ${date}::date and booked > 0`);
  await tx.execute(sql`update national_daily_bookings set booked = booked - 1 where service_date = ${date}::date and booked > 0`);
}

export interface RebuildScope {
  /** Only these ports (default all). */
  portIds?: number[];
  from?: string;
  to?: string;
}

/**
 * Recounts the counters from the appointments themselves, for bulk loads (seed, import) and repair.
 * Locks both counter tables first so no booking commits between the count and the write.
 */
export async function recountDailyBookings(tx: DbOrTx, scope: RebuildScope = {}): Promise<{ portDays: number; dates: number }> {
  await tx.execute(sql`lock table daily_bookings, national_daily_bookings in share row exclusive mode`);
  const portFilter = scope.portIds ? sql` and port_id in (${sql.join(scope.portIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const dateFilter = sql`${scope.from ? sql` and service_date >= ${scope.from}::date` : sql``}${scope.to ? sql` and service_date <= ${scope.to}::date` : sql``}`;
  if (scope.portIds && scope.portIds.length === 0) return { portDays: 0, dates: 0 };
  const portRows = await queryRows<{ n: number }>(
    tx,
    sql`with counted as (
          select port_id, service_date, (count(*) filter (where ${ACTIVE_SQL}))::int as booked
          from appointments where true${portFilter}${dateFilter} group by 1, 2),
        upserted as (
          insert into daily_bookings (port_id, service_date, booked) select * from counted
          on conflict (port_id, service_date) do update set booked = excluded.booked
          where daily_bookings.booked <> excluded.booked returning 1),
        zeroed as (
          update daily_bookings d set booked = 0
          where d.booked <> 0${portFilter}${dateFilter}
            and not exists (select 1 from counted c where c.port_id = d.port_id and c.service_date = d.service_date)
          returning 1)
        select ((select count(*) from counted))::int as n`,
  );
  // National totals are recounted for every date the scope touched, over all ports.
  const dateRows = await queryRows<{ n: number }>(
    tx,
    sql`with dates as (
          select distinct service_date from appointments where true${portFilter}${dateFilter}
          union select service_date from national_daily_bookings where true${dateFilter}),
        counted as (
          select d.service_date, (select count(*)::int from appointments a where a.service_date = d.service_date and a.status <> 'cancelled') as booked
          from dates d),
        upserted as (
          insert into national_daily_bookings (service_date, booked) select * from counted
          on conflict (service_date) do update set booked = excluded.booked
          where national_daily_bookings.booked <> excluded.booked returning 1)
        select (select count(*) from counted)::int as n`,
  );
  return { portDays: portRows[0]?.n ?? 0, dates: dateRows[0]?.n ?? 0 };
}

/** `npm run capacity:rebuild` and the demo seed: recount in one transaction. */
export async function rebuildDailyBookings(db: Db, scope: RebuildScope = {}) {
  return db.transaction((tx) => recountDailyBookings(tx, scope));
}
