/** Availability for the upstream: limit, booked and remaining per port and port-local date. */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { AppError } from '@/lib/errors';
import { addDays, daysBetween, now, portToday } from '@/lib/time';
import { limitSql } from './capacity';
import { beyondBookingWindow } from './rules';
import type { AvailabilityDay } from './schemas';

export const MAX_AVAILABILITY_DAYS = 62;

export async function getAvailability(query: { port?: string; from?: string; to?: string }): Promise<{ days: AvailabilityDay[] }> {
  const db = await getDb();
  const ports = await queryRows<{ id: number; slug: string; time_zone: string; booking_window_days: number }>(
    db,
    query.port
      ? sql`select id, slug, time_zone, booking_window_days from ports where slug = ${query.port}`
      : sql`select id, slug, time_zone, booking_window_days from ports where active order by sort_order, name`,
  );
  if (query.port && ports.length === 0) throw new AppError('NOT_FOUND', `No port "${query.port}".`, { es: `No existe el puerto «${query.port}».` });
  const at = now();
  const days: AvailabilityDay[] = [];
  for (const port of ports) {
    const today = portToday(port.time_zone, at);
    const from = query.from ?? today;
    const to = query.to ?? addDays(from, 13);
    if (daysBetween(from, to) > MAX_AVAILABILITY_DAYS) {
      throw new AppError('VALIDATION', `Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time.`, {
        es: `Pida como máximo ${MAX_AVAILABILITY_DAYS} días a la vez.`,
        fields: { to: `at most ${MAX_AVAILABILITY_DAYS} days after from` },
      });
    }
    // Counted from the appointments themselves: this read never trusts a counter more than the rows.
    const rows = await queryRows<{ date: string; lim: number; booked: number }>(
      db,
      sql`select d::date::text as date, ${limitSql(port.id, sql`d::date`)} as lim,
            (select count(*)::int from appointments a where a.port_id = ${port.id} and a.service_date = d::date and a.status <> 'cancelled') as booked
          from generate_series(${from}::date, ${to}::date, interval '1 day') d order by 1`,
    );
    for (const r of rows) {
      // Outside the window (or before today) nothing can be booked, whatever the limit says.
      const bookable = r.date >= today && !beyondBookingWindow(r.date, today, port.booking_window_days);
      days.push({
        date: r.date, port: port.slug, limit: r.lim, booked: r.booked, remaining: Math.max(0, r.lim - r.booked),
        bookable, bookingWindowDays: port.booking_window_days,
      });
    }
  }
  return { days };
}
