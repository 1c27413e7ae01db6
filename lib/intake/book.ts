/**
 * POST /api/v1/intake/bookings, the transaction side (validation: book-input.ts; rules:
 * book-rules.ts). Built for the daily release rush:
 * 1. One statement counts the request for the rate limit, looks up a stored idempotent response, the
 *    port and its counters. Replays and "sold out" are answered from it without a transaction.
 * 2. Otherwise one transaction: claim the Idempotency-Key (a concurrent twin waits on the key's unique
 *    index and then replays the stored response), lock the person, refuse a duplicate, insert with a
 *    fresh confirmation code, flag, store the response, reserve the slot with a conditional update, audit.
 * Only a 201 is stored: a refused booking rolls back its key, so a retry is judged afresh.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { queryRows, type DbOrTx } from '@/db/client';
import { appointmentById } from '@/lib/appointments/load';
import { intakeKeyActor } from '@/lib/audit/actor';
import { recordAudit } from '@/lib/audit/record';
import type { AppLocale } from '@/lib/i18n/translate';
import { personKeys } from '@/lib/identity/keys';
import { claimResponse, completedReplay, storedRowSql, storeResponse, type StoredResponse, type StoredRow } from '@/lib/idempotency';
import type { IntakeKeyActor } from '@/lib/intake-keys/authenticate';
import { generateConfirmationCode } from '@/lib/roster/confirmation-code';
import { now } from '@/lib/time';
import { parseBookingInput } from './book-input';
import { bookable, duplicate, full, holdsDate, mapUniqueViolation, suspended } from './book-rules';
import { limitSql, NATIONAL_CAP_SQL, reserveSlot } from './capacity';
import { detectFlags, lockPeople } from './detect-flags';
import { countRequestSql, currentWindow, isOverLimit, maybeHousekeeping, rateLimited } from './rate-limit';
import type { BookingRequest } from './schemas';

const scopeOf = (key: IntakeKeyActor) => `intake-booking:${key.keyId}`;

interface FastRow extends StoredRow {
  hits: number;
  port_id: number | null;
  time_zone: string | null;
  active: boolean | null;
  booking_window_days: number | null;
  booked: number | null;
  lim: number | null;
  national_booked: number | null;
  national_cap: number | null;
}

export async function bookAppointment(
  key: IntakeKeyActor,
  input: { idempotencyKey: string | null; body: unknown; requestId?: string | null },
  locale: AppLocale = 'en',
): Promise<StoredResponse> {
  const { idemKey, req, requestHash } = parseBookingInput(input, locale);
  const db = await getDb();
  const at = now();
  const scheduledAt = new Date(req.scheduledAt);
  const window = currentWindow(at);
  const rate = countRequestSql(key.keyId, window);

  const [fast] = await queryRows<FastRow>(
    db,
    sql`with ${rate.cte},
      idem as (${storedRowSql(scopeOf(key), idemKey)}),
      p as (select id, time_zone, active, booking_window_days, ((${req.scheduledAt}::timestamptz) at time zone time_zone)::date as sd from ports where slug = ${req.port})
    select ${rate.total} as hits, idem.*, p.id as port_id, p.time_zone, p.active, p.booking_window_days,
      d.booked, ${limitSql(sql`p.id`, sql`p.sd`)} as lim, nb.booked as national_booked, ${NATIONAL_CAP_SQL} as national_cap
    from (select 1) one
    left join idem on true
    left join p on true
    left join daily_bookings d on d.port_id = p.id and d.service_date = p.sd
    left join national_daily_bookings nb on nb.service_date = p.sd`,
  );
  void maybeHousekeeping(db)?.catch(() => undefined);
  if (!fast) throw new Error('booking pre-check returned no row');
  if (isOverLimit(fast.hits)) throw rateLimited(window);
  const replayed = completedReplay(fast, requestHash);
  if (replayed) return replayed;
  const { port, date } = bookable(
    {
      slug: req.port,
      id: fast.port_id,
      timeZone: fast.time_zone,
      active: fast.active,
      bookingWindowDays: fast.booking_window_days,
      booked: fast.booked,
      limit: fast.lim,
      nationalBooked: fast.national_booked,
      nationalCap: fast.national_cap,
    },
    scheduledAt,
    at,
  );
  try {
    return await db.transaction(async (tx) => {
      // A concurrent twin committed first: its stored response (or 422 for another body).
      const earlier = await claimResponse(tx, scopeOf(key), idemKey, requestHash);
      if (earlier) return earlier;
      return insertBooking(tx, key, req, port, date, at, input.requestId ?? null, (created) => storeResponse(tx, scopeOf(key), idemKey, created));
    });
  } catch (error) {
    throw mapUniqueViolation(error);
  }
}

async function insertBooking(
  tx: DbOrTx,
  key: IntakeKeyActor,
  req: BookingRequest,
  port: { id: number; timeZone: string },
  date: string,
  at: Date,
  requestId: string | null,
  store: (response: StoredResponse) => Promise<void>,
): Promise<StoredResponse> {
  // Re-read under the transaction (no row lock: a share lock taken by every booker would turn the
  // port row into a multixact hot spot; a suspension committed a moment later honours this booking).
  const [p] = await queryRows<{ active: boolean; full: boolean }>(
    tx,
    sql`select p.active, coalesce(d.booked >= ${limitSql(port.id, date)}, false) as full
        from ports p left join daily_bookings d on d.port_id = p.id and d.service_date = ${date}::date where p.id = ${port.id}`,
  );
  if (!p?.active) throw suspended();
  // Sold out since the pre-check: stop before doing work that would be rolled back.
  if (p.full) throw full(date);
  const keys = personKeys(req.person);
  await lockPeople(tx, [{ ...keys, dateOfBirth: req.person.dateOfBirth, nationality: req.person.nationality }]);
  if (await holdsDate(tx, keys, date)) throw duplicate(date);

  let id: string | null = null;
  let code = '';
  for (let attempt = 0; attempt < 8 && !id; attempt++) {
    code = generateConfirmationCode(Math.random);
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into appointments (confirmation_code, port_id, scheduled_at, service_date, party_size, family_name, given_name,
            date_of_birth, nationality, language, document_number, external_ref, identity_key, document_key, search_key, identity_key_version, status, created_at)
          values (${code}, ${port.id}, ${req.scheduledAt}::timestamptz, ${date}::date, ${req.partySize}, ${req.person.familyName},
            ${req.person.givenName}, ${req.person.dateOfBirth}::date, ${req.person.nationality}, ${req.person.language},
            ${req.person.documentNumber}, ${req.externalRef}, ${keys.identityKey}, ${keys.documentKey}, ${keys.searchKey},
            ${keys.identityKeyVersion}, 'scheduled', ${at.toISOString()}::timestamptz)
          on conflict (confirmation_code) do nothing
          returning id`,
    );
    id = row?.id ?? null;
  }
  if (!id) throw new Error('could not find a free confirmation code after 8 attempts');
  await detectFlags(tx, [id]);
  const response: StoredResponse = { status: 201, body: JSON.stringify({ appointment: await appointmentById(tx, id, at) }) };
  // Stored now, committed only with the rest: a rollback below removes it too.
  await store(response);
  // The slot is taken last: the counter row lock (which serialises every booker of this port and
  // date) is then held only for the counter updates, the audit event and the commit.
  await reserveSlot(tx, port.id, date, id);
  await recordAudit(tx, intakeKeyActor(key, requestId), {
    action: 'appointment.book',
    targetType: 'appointment',
    targetId: id,
    portId: port.id,
    after: { confirmationCode: code, scheduledAt: req.scheduledAt, serviceDate: date, partySize: req.partySize, externalRef: req.externalRef },
  });
  return response;
}
