/**
 * Every capacity write runs through here: lock the national cap row, measure a window of dates,
 * apply the change, measure again, and refuse (rolling the transaction back) what the change
 * makes worse. Locking the single cap row serialises all capacity writers, so two concurrent
 * edits can never jointly exceed the cap.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/client';
import { AppError } from '@/lib/errors';
import { addDays, now, portToday, serviceDate } from '@/lib/time';
import { capacityWindow, lastOverrideDate } from './queries';
import { findCapacityViolation } from './rules';

/** Far enough ahead to contain every weekday many times and any booking horizon. */
const HORIZON_DAYS = 400;

export async function lockNationalCap(tx: Tx): Promise<number> {
  const [row] = await queryRows<{ daily_cap: number }>(tx, sql`select daily_cap from national_cap where id = 1 for update`);
  if (row) return Number(row.daily_cap);
  await tx.execute(sql`insert into national_cap (id, daily_cap) values (1, 1000) on conflict do nothing`);
  return lockNationalCap(tx);
}

export interface GuardedPort {
  id: number;
  name: string;
  timeZone: string;
}

function formatCount(n: number, locale: 'en' | 'es'): string {
  return new Intl.NumberFormat(locale === 'es' ? 'es-MX' : 'en-US').format(n);
}

/**
 * Applies `change` inside `tx` and throws LIMIT_BELOW_BOOKED or NATIONAL_CAP_EXCEEDED (with the
 * date and the numbers) if it lowers the port below its bookings or lifts a total over the cap.
 */
export async function guardCapacityChange(
  tx: Tx,
  port: GuardedPort | null,
  change: () => Promise<void>,
  opts: { newCap?: number } = {},
): Promise<void> {
  const capBefore = await lockNationalCap(tx);
  const at = now();
  // Start a day before UTC's date: every port's "today" (America/*) is on or after it.
  const from = addDays(serviceDate(at, 'UTC'), -1);
  const lastOverride = await lastOverrideDate(tx);
  let to = addDays(from, HORIZON_DAYS);
  if (lastOverride && lastOverride > to) to = lastOverride;

  const before = await capacityWindow(tx, from, to, port?.id);
  await change();
  const after = await capacityWindow(tx, from, to, port?.id);
  const capAfter = opts.newCap ?? capBefore;
  const violation = findCapacityViolation(before, after, { before: capBefore, after: capAfter }, port ? portToday(port.timeZone, at) : undefined);
  if (!violation) return;

  if (violation.code === 'LIMIT_BELOW_BOOKED') {
    const { date, limit, booked } = violation;
    const name = port?.name ?? '';
    throw new AppError(
      'LIMIT_BELOW_BOOKED',
      `${name} already has ${formatCount(booked, 'en')} booked on ${date}: the limit cannot go below ${formatCount(booked, 'en')} (asked ${formatCount(limit, 'en')}). Nothing was changed.`,
      {
        es: `${name} ya tiene ${formatCount(booked, 'es')} citas reservadas el ${date}: el límite no puede ser menor que ${formatCount(booked, 'es')} (se pidió ${formatCount(limit, 'es')}). No se cambió nada.`,
        details: { date, limit, booked },
      },
    );
  }
  const { date, total, cap } = violation;
  const over = total - cap;
  throw new AppError(
    'NATIONAL_CAP_EXCEEDED',
    `On ${date} the ports would total ${formatCount(total, 'en')} slots, ${formatCount(over, 'en')} over the national cap of ${formatCount(cap, 'en')}. Nothing was changed.`,
    {
      es: `El ${date} los puertos sumarían ${formatCount(total, 'es')} cupos, ${formatCount(over, 'es')} por encima del tope nacional de ${formatCount(cap, 'es')}. No se cambió nada.`,
      details: { date, total, cap },
    },
  );
}
