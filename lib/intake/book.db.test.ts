import { resetEnvCache } from '@/lib/env';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { createPort, uid } from '@/lib/testing/factories';
import { AppError, toAppError } from '@/lib/errors';
import { addDays, now, portToday } from '@/lib/time';
import { bookAppointment } from './book';
import { cancelBooking } from './cancel';
import { getAvailability } from './queries';
import { bookingBody, createIntakeKey, ensureLargeNationalCap, setDateLimit } from './testing';

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    const r = (await p) as { status: number };
    return String(r.status);
  } catch (e) {
    const code = toAppError(e).code;
    if (code === 'INTERNAL') throw e;
    return code;
  }
}

beforeAll(async () => {
  process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '1000000';
  resetEnvCache();
  await ensureLargeNationalCap();
});

describe('booking capacity', () => {
  it('500 concurrent bookings against 50 slots: exactly 50 succeed, 450 CAPACITY_FULL, counts agree in SQL', async () => {
    const port = await createPort({ timeZone: 'America/Los_Angeles' });
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 3);
    await setDateLimit(port.id, date, 50);
    // Like a real client: a 503 (every pooled connection busy on a loaded machine) is retried with the
    // same Idempotency-Key, which the contract says is safe; the final tally must still be exact.
    const bookWithRetry = async (i: number): Promise<string> => {
      const input = { idempotencyKey: `rush-${i}-${uid()}`, body: bookingBody(port, date, 480 + (i % 600)) };
      for (let attempt = 0; ; attempt++) {
        const r = await outcome(bookAppointment(key, input));
        if (r !== 'UNAVAILABLE' || attempt >= 10) return r;
      }
    };
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => bookWithRetry(i)));
    const counts = results.reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
    expect(counts).toEqual({ '201': 50, CAPACITY_FULL: 450 });
    const db = await getDb();
    const [row] = await queryRows<{ appointments: number; counter: number }>(
      db,
      sql`select (select count(*)::int from appointments where port_id = ${port.id} and service_date = ${date} and status <> 'cancelled') as appointments,
                 (select booked from daily_bookings where port_id = ${port.id} and service_date = ${date}) as counter`,
    );
    expect(row).toEqual({ appointments: 50, counter: 50 });
    const availability = await getAvailability({ port: port.slug, from: date, to: date });
    expect(availability.days).toEqual([{ date, port: port.slug, limit: 50, booked: 50, remaining: 0, bookable: true, bookingWindowDays: 60 }]);
  });

  it('cancelling frees the slot for the next booking', async () => {
    const port = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 2);
    await setDateLimit(port.id, date, 1);
    const first = await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600) });
    expect(first.status).toBe(201);
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 610) })).rejects.toMatchObject({ code: 'CAPACITY_FULL' });
    const code = (JSON.parse(first.body) as { appointment: { confirmationCode: string } }).appointment.confirmationCode;
    const cancelled = await cancelBooking(key, code);
    expect(cancelled.appointment.status).toBe('cancelled');
    // A second DELETE answers the same, and frees nothing more.
    expect((await cancelBooking(key, code)).appointment.status).toBe('cancelled');
    expect((await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 620) })).status).toBe(201);
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 630) })).rejects.toMatchObject({ code: 'CAPACITY_FULL' });
  });

  it('refuses a closed date (override 0), a suspended port, a past time and an unknown port', async () => {
    const port = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 2);
    await setDateLimit(port.id, date, 0);
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600) })).rejects.toMatchObject({ code: 'CAPACITY_FULL' });
    const past = { ...bookingBody(port, date, 600), scheduledAt: new Date(now().getTime() - 60_000).toISOString() };
    await setDateLimit(port.id, portToday(port.timeZone, now()), 10);
    await setDateLimit(port.id, addDays(portToday(port.timeZone, now()), -1), 10);
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: past })).rejects.toMatchObject({ code: 'VALIDATION', status: 400 });
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: { ...bookingBody(port, date, 600), port: 'nowhere-' + uid() } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const suspended = await createPort({ active: false });
    await expect(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(suspended, date, 600) })).rejects.toMatchObject({ code: 'PORT_SUSPENDED' });
    await expect(bookAppointment(key, { idempotencyKey: null, body: bookingBody(port, date, 600) })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(bookAppointment(key, { idempotencyKey: 'x'.repeat(256), body: bookingBody(port, date, 600) })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('holds the national cap over the sum of ports', async () => {
    const a = await createPort({ timeZone: 'America/Chicago', bookingWindowDays: 366 });
    const b = await createPort({ timeZone: 'America/Chicago', bookingWindowDays: 366 });
    const key = await createIntakeKey();
    // A date far ahead (within these ports' long booking window) that no other test uses, so the national count is this test's alone.
    const date = addDays(portToday(a.timeZone, now()), 200 + Math.floor(Math.random() * 160));
    await setDateLimit(a.id, date, 10);
    await setDateLimit(b.id, date, 10);
    const db = await getDb();
    await db.execute(sql`insert into national_daily_bookings (service_date, booked) values (${date}, 997) on conflict (service_date) do update set booked = 997`);
    await db.execute(sql`update national_cap set daily_cap = 1000`);
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => outcome(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(i % 2 ? a : b, date, 600 + i) }))),
      );
      expect(results.filter((r) => r === '201')).toHaveLength(3);
      expect(results.filter((r) => r === 'CAPACITY_FULL')).toHaveLength(5);
    } finally {
      await ensureLargeNationalCap();
    }
  });
});

describe('person uniqueness', () => {
  it('one active appointment per person per date, by document number or by folded name + birth date + nationality', async () => {
    const port = await createPort();
    const other = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 4);
    await setDateLimit(port.id, date, 20);
    await setDateLimit(other.id, date, 20);
    const person = { familyName: 'Peña', givenName: 'José', dateOfBirth: '1985-03-03', nationality: 'HN', documentNumber: null };
    expect((await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600, person) })).status).toBe(201);
    await expect(
      bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(other, date, 700, { ...person, familyName: 'PENA', givenName: 'jose' }) }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_BOOKING' });
    const doc = `P-${uid()}`;
    expect((await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 620, { documentNumber: doc }) })).status).toBe(201);
    await expect(
      bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(other, date, 640, { documentNumber: doc.toLowerCase().replace('-', ' ') }) }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_BOOKING' });
    // 20 concurrent attempts by one person: exactly one wins.
    const racer = { documentNumber: `R${uid()}` };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(i % 2 ? port : other, date, 800 + i, racer) }))),
    );
    expect(results.filter((r) => r === '201')).toHaveLength(1);
    expect(results.filter((r) => r === 'DUPLICATE_BOOKING')).toHaveLength(19);
  });
});

describe('idempotency', () => {
  it('100 replays of one booking, 50 of them concurrent: one appointment, identical responses', async () => {
    const port = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 5);
    await setDateLimit(port.id, date, 10);
    const body = bookingBody(port, date, 600, { documentNumber: `I${uid()}` });
    const idempotencyKey = `replay-${uid()}`;
    const concurrent = await Promise.all(Array.from({ length: 50 }, () => bookAppointment(key, { idempotencyKey, body })));
    const sequential = [];
    for (let i = 0; i < 50; i++) sequential.push(await bookAppointment(key, { idempotencyKey, body: structuredClone(body) }));
    const all = [...concurrent, ...sequential];
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
    expect(all.every((r) => r.status === 201)).toBe(true);
    const db = await getDb();
    const [row] = await queryRows<{ n: number; audits: number }>(
      db,
      sql`select count(*)::int as n, (select count(*)::int from audit_events where action = 'appointment.book' and port_id = ${port.id}) as audits
          from appointments where port_id = ${port.id}`,
    );
    expect(row).toEqual({ n: 1, audits: 1 });
    await expect(bookAppointment(key, { idempotencyKey, body: { ...body, partySize: 2 } })).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH', status: 422 });
    // Another key's identical Idempotency-Key is another scope.
    const key2 = await createIntakeKey();
    await expect(bookAppointment(key2, { idempotencyKey, body })).rejects.toMatchObject({ code: 'DUPLICATE_BOOKING' });
  });

  it('rate-limits a key with RATE_LIMITED and a Retry-After', async () => {
    const port = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 2);
    process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '5';
    resetEnvCache();
    try {
      const results: unknown[] = [];
      for (let i = 0; i < 8; i++) results.push(await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600 + i) }).catch((e: AppError) => e));
      const limited = results.filter((r) => r instanceof AppError && r.code === 'RATE_LIMITED') as AppError[];
      // The window may roll over mid-test; at least the three over the limit in one window are refused.
      expect(limited.length).toBeGreaterThanOrEqual(1);
      expect(limited[0]!.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '1000000';
      resetEnvCache();
    }
  });
});

describe('plausible values', () => {
  it("refuses a time beyond the port's booking window, in the past, a future or 121-year-old birth date and hostile names, each naming the field", async () => {
    const port = await createPort({ bookingWindowDays: 10 });
    const key = await createIntakeKey();
    const today = portToday(port.timeZone, now());
    await setDateLimit(port.id, addDays(today, 10), 5);
    await setDateLimit(port.id, addDays(today, 11), 5);
    const field = async (body: unknown, locale: 'en' | 'es' = 'en') => {
      try {
        await bookAppointment(key, { idempotencyKey: uid(), body }, locale);
        return 'booked';
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        return `${e.code} ${Object.keys(e.fields ?? {}).join(',')}`;
      }
    };
    expect(await field(bookingBody(port, addDays(today, 11), 600))).toBe('VALIDATION scheduledAt');
    expect(await field({ ...bookingBody(port, today, 0), scheduledAt: '9999-12-31T10:00:00Z' })).toBe('VALIDATION scheduledAt');
    expect(await field({ ...bookingBody(port, today, 0), scheduledAt: '2020-01-01T10:00:00Z' })).toBe('VALIDATION scheduledAt');
    expect(await field(bookingBody(port, addDays(today, 10), 600))).toBe('booked');
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    expect(await field(bookingBody(port, addDays(today, 10), 610, { dateOfBirth: nextYear }))).toBe('VALIDATION person.dateOfBirth');
    expect(await field(bookingBody(port, addDays(today, 10), 610, { dateOfBirth: `${Number(today.slice(0, 4)) - 121}-01-01` }))).toBe('VALIDATION person.dateOfBirth');
    for (const hostile of ['Ana\u0000', 'Ana\u202Eevil', 'Ana\nINFO', 'R2D2', '<script>', 'x'.repeat(101), '\u200B\u200B', 'Ana\u0085']) {
      expect(await field(bookingBody(port, addDays(today, 10), 620, { givenName: hostile })), JSON.stringify(hostile)).toBe('VALIDATION person.givenName');
    }
    expect(await field(bookingBody(port, addDays(today, 10), 630, { partySize: 13 } as never, { partySize: 13 }))).toBe('VALIDATION partySize');
  });

  it('stores a name NFKC-normalised without invisible characters, and answers field messages in Spanish', async () => {
    const port = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(port.timeZone, now()), 3);
    await setDateLimit(port.id, date, 5);
    const r = await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600, { familyName: 'Ｐｅñａ\u00AD  Núñez', givenName: 'Jo\u200Bsé' }) });
    const a = (JSON.parse(r.body) as { appointment: { familyName: string; givenName: string } }).appointment;
    expect([a.familyName, a.givenName]).toEqual(['Peña Núñez', 'José']);
    const { errorResponse } = await import('@/lib/api/respond');
    const refused = await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600, { givenName: 'R2D2' }) }, 'es').catch((e: unknown) => e);
    const body = (await errorResponse(refused, 'es').json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields['person.givenName']).toBe("solo puede contener letras, acentos, espacios y ' - . ,");
  });
});
