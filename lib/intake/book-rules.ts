/**
 * The booking rules (docs/booking-rules.md), apart from the transaction that applies them: which
 * port-local date a booking takes and whether it may be booked at all (port known and open, time in
 * the future, inside the port's booking window, a slot left), and one active appointment per person
 * per date. The roster import applies the same rules to a whole file (import-rules.ts).
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@/db/client';
import { AppError, uniqueViolationOf } from '@/lib/errors';
import { validation } from '@/lib/i18n/messages/en/validation';
import { portToday, serviceDate } from '@/lib/time';
import { beyondBookingWindow } from './rules';

/** What the pre-check statement knows of the port and its counters (null: no such port, no row yet). */
export interface PortSnapshot {
  slug: string;
  id: number | null;
  timeZone: string | null;
  active: boolean | null;
  bookingWindowDays: number | null;
  booked: number | null;
  limit: number | null;
  nationalBooked: number | null;
  nationalCap: number | null;
}

export function full(date: string): AppError {
  return new AppError('CAPACITY_FULL', `No slots left on ${date} at this port.`, { es: `No quedan citas el ${date} en este puerto.` });
}

export function suspended(): AppError {
  return new AppError('PORT_SUSPENDED', 'This port is suspended and takes no new bookings.', {
    es: 'Este puerto está suspendido y no acepta nuevas citas.',
  });
}

/**
 * The port and service date a booking at `scheduledAt` takes, judged at `at`; throws the rule it
 * breaks. "Sold out" here is only a cheap early answer: the transaction's conditional update of the
 * counter is the authority.
 */
export function bookable(port: PortSnapshot, scheduledAt: Date, at: Date): { port: { id: number; timeZone: string }; date: string } {
  if (port.id === null || port.timeZone === null) {
    throw new AppError('VALIDATION', `No port "${port.slug}".`, { es: `No existe el puerto «${port.slug}».`, fields: { port: 'unknown port' } });
  }
  if (!port.active) throw suspended();
  if (scheduledAt.getTime() <= at.getTime()) {
    throw new AppError('VALIDATION', 'The appointment time is in the past.', {
      es: 'La hora de la cita ya pasó.',
      fields: { scheduledAt: validation.inPast },
    });
  }
  const date = serviceDate(scheduledAt, port.timeZone);
  if (beyondBookingWindow(date, portToday(port.timeZone, at), port.bookingWindowDays ?? 60)) {
    throw new AppError('VALIDATION', `The appointment date ${date} is beyond this port's ${port.bookingWindowDays}-day booking window.`, {
      es: `La fecha ${date} está fuera del plazo de reserva de ${port.bookingWindowDays} días de este puerto.`,
      fields: { scheduledAt: validation.beyondWindow },
    });
  }
  if (port.booked !== null && port.limit !== null && port.booked >= port.limit) throw full(date);
  if (port.nationalBooked !== null && port.nationalCap !== null && port.nationalBooked >= port.nationalCap) throw full(date);
  return { port: { id: port.id, timeZone: port.timeZone }, date };
}

/**
 * The same person already holds an active appointment that date at any port: the same folded name,
 * date of birth and nationality, or the same document. Called under lockPeople, so a concurrent twin
 * waits and then sees this one.
 */
export async function holdsDate(tx: DbOrTx, keys: { identityKey: string; documentKey: string | null }, date: string): Promise<boolean> {
  const [row] = await queryRows<{ code: string }>(
    tx,
    sql`select confirmation_code as code from appointments
        where (identity_key = ${keys.identityKey}${keys.documentKey ? sql` or document_key = ${keys.documentKey}` : sql``})
          and service_date = ${date}::date and status <> 'cancelled'
        limit 1`,
  );
  return row !== undefined;
}

export function duplicate(date: string): AppError {
  return new AppError('DUPLICATE_BOOKING', `This person already holds an active appointment on ${date}.`, {
    es: `Esta persona ya tiene una cita activa el ${date}.`,
  });
}

/** The unique index is the last word on "one active appointment per person per date". */
export function mapUniqueViolation(error: unknown): unknown {
  if (uniqueViolationOf(error)?.constraint === 'appointments_person_date_active_unique') {
    return new AppError('DUPLICATE_BOOKING', 'This person already holds an active appointment that date.', {
      es: 'Esta persona ya tiene una cita activa ese día.',
    });
  }
  return error;
}
