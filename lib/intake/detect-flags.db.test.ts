import { resetEnvCache } from '@/lib/env';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { actorFor, createPort, createUser, nameTag, uid } from '@/lib/testing/factories';
import { addDays, now, portToday } from '@/lib/time';
import { bookAppointment } from './book';
import { listOpenFlags } from './flag-queries';
import { reviewFlag } from './review-flag';
import { bookingBody, createIntakeKey, ensureLargeNationalCap, setDateLimit } from './testing';

beforeAll(async () => {
  process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '1000000';
  resetEnvCache();
  await ensureLargeNationalCap();
});

async function flagsOf(appointmentId: string) {
  return queryRows<{ kind: string; linked: string[]; status: string }>(
    await getDb(),
    sql`select kind::text, linked_appointment_ids::text[] as linked, status::text from appointment_flags where appointment_id = ${appointmentId} order by kind`,
  );
}

async function setupTwoPorts() {
  const a = await createPort();
  const b = await createPort({ timeZone: 'America/Phoenix' });
  const key = await createIntakeKey();
  const d1 = addDays(portToday(a.timeZone, now()), 3);
  const d2 = addDays(d1, 5);
  for (const p of [a, b]) for (const d of [d1, d2]) await setDateLimit(p.id, d, 50);
  const book = async (port: typeof a, date: string, person: Parameters<typeof bookingBody>[3], extra: Record<string, unknown> = {}) => {
    const r = await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(port, date, 600, person, extra) });
    return (JSON.parse(r.body) as { appointment: { id: string; flags: string[] } }).appointment;
  };
  return { a, b, d1, d2, book };
}

describe('hoarding and duplicate detection', () => {
  it('flags one person holding appointments at two ports (both sides, linked), shown in the Appointment flags', async () => {
    const s = await setupTwoPorts();
    const person = { familyName: `Herrera${nameTag(2)}`, givenName: 'Luis', dateOfBirth: '1979-07-07', nationality: 'CU' };
    const first = await s.book(s.a, s.d1, person);
    expect(first.flags).toEqual([]);
    const second = await s.book(s.b, s.d2, person);
    expect(second.flags).toEqual(['multiple_bookings']);
    expect(await flagsOf(first.id)).toEqual([{ kind: 'multiple_bookings', linked: [second.id], status: 'open' }]);
  });

  it('matches fuzzily: accents, case and swapped given/family names with the same birth date and nationality', async () => {
    const s = await setupTwoPorts();
    const tag = nameTag(2);
    const first = await s.book(s.a, s.d1, { familyName: `Peña${tag}`, givenName: 'José María', dateOfBirth: '1991-01-09', nationality: 'VE', documentNumber: `V${uid()}` });
    const second = await s.book(s.b, s.d1, { familyName: 'JOSE MARIA', givenName: `PENA${tag.toUpperCase()}`, dateOfBirth: '1991-01-09', nationality: 'VE' });
    expect(second.flags).toEqual(['identity_match']);
    expect((await flagsOf(first.id)).map((f) => f.kind)).toEqual(['identity_match']);
  });

  it('flags near matches at once, in the booking transaction, with the reason', async () => {
    const s = await setupTwoPorts();
    const tag = nameTag(2);
    const first = await s.book(s.a, s.d1, { familyName: `García${tag} López`, givenName: 'José María', dateOfBirth: '1991-03-04', nationality: 'GT' });
    const dropped = await s.book(s.b, s.d1, { familyName: `Garcia${tag} Lopez`, givenName: 'Jose', dateOfBirth: '1991-03-04', nationality: 'GT' });
    expect(dropped.flags).toEqual(['identity_match']);
    const offByOne = await s.book(s.b, s.d1, { familyName: `García${tag} López`, givenName: 'José María', dateOfBirth: '1991-03-05', nationality: 'GT' });
    expect(offByOne.flags).toEqual(['identity_match']);
    const swappedDate = await s.book(s.a, s.d1, { familyName: `GARCÍA${tag} LÓPEZ`, givenName: 'JOSÉ MARÍA', dateOfBirth: '1991-04-03', nationality: 'GT' });
    expect(swappedDate.flags).toEqual(['identity_match']);
    const reasons = await queryRows<{ reasons: string[] }>(
      await getDb(),
      sql`select match_reasons as reasons from appointment_flags where appointment_id = ${first.id} and kind = 'identity_match'`,
    );
    expect(reasons[0]!.reasons).toEqual(['dob_day_month_swapped', 'dob_off_by_one', 'dropped_given_name']);
  });

  it('true negative: the same common name with different dates of birth is not flagged', async () => {
    const s = await setupTwoPorts();
    const first = await s.book(s.a, s.d1, { familyName: 'García', givenName: 'María', dateOfBirth: '1980-02-02', nationality: 'SV' });
    const second = await s.book(s.b, s.d1, { familyName: 'García', givenName: 'María', dateOfBirth: '1994-11-20', nationality: 'SV' });
    expect(second.flags).toEqual([]);
    expect(await flagsOf(first.id)).toEqual([]);
  });

  it('flags an external reference or a document number booked repeatedly under other names', async () => {
    const s = await setupTwoPorts();
    const ref = `ref-${uid()}`;
    const x = await s.book(s.a, s.d1, {}, { externalRef: ref });
    const y = await s.book(s.b, s.d2, {}, { externalRef: ref });
    expect(y.flags).toEqual(['repeated_reference']);
    expect((await flagsOf(x.id)).map((f) => f.kind)).toEqual(['repeated_reference']);
    const doc = `D${uid()}`;
    await s.book(s.a, s.d1, { documentNumber: doc, familyName: 'Uno' });
    const z = await s.book(s.b, s.d2, { documentNumber: doc, familyName: 'Otro' });
    expect(z.flags).toEqual(['multiple_bookings', 'repeated_reference']);
  });

  it('a supervisor dismisses or confirms with a reason, audited; nothing is cancelled; officers may not', async () => {
    const s = await setupTwoPorts();
    const person = { familyName: `Rey${nameTag(2)}`, givenName: 'Ana', dateOfBirth: '1988-08-08', nationality: 'HT' };
    const first = await s.book(s.a, s.d1, person);
    await s.book(s.b, s.d2, person);
    const supervisor = actorFor(await createUser('supervisor', null));
    const queue = await listOpenFlags(supervisor, 1000);
    const item = queue.find((f) => f.appointment.id === first.id)!;
    expect(item.linked).toHaveLength(1);
    const officer = actorFor(await createUser('officer', s.a.id), s.a.slug);
    await expect(reviewFlag(officer, item.id, { decision: 'dismissed', reason: 'same person' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reviewFlag(supervisor, item.id, { decision: 'dismissed', reason: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await reviewFlag(supervisor, item.id, { decision: 'dismissed', reason: 'Rescheduled, old one will be cancelled' })).toEqual({ flag: { id: item.id, status: 'dismissed' } });
    await expect(reviewFlag(supervisor, item.id, { decision: 'confirmed', reason: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const [audit] = await queryRows<{ action: string; reason: string }>(
      await getDb(),
      sql`select action, reason from audit_events where target_id = ${first.id} and action like 'flag.%'`,
    );
    expect(audit).toEqual({ action: 'flag.dismiss', reason: 'Rescheduled, old one will be cancelled' });
    const [row] = await queryRows<{ status: string }>(await getDb(), sql`select status::text from appointments where id = ${first.id}`);
    expect(row!.status).toBe('scheduled');
  });
});

describe('flags on the appointment record', () => {
  it('lists linked appointments, hiding other ports from an officer', async () => {
    const s = await setupTwoPorts();
    const person = { familyName: `Vidal${nameTag(2)}`, givenName: 'Eva', dateOfBirth: '1975-05-15', nationality: 'NI' };
    const first = await s.book(s.a, s.d1, person);
    const second = await s.book(s.b, s.d2, person);
    const { getAppointmentFlags } = await import('./flag-queries');
    const supervisor = actorFor(await createUser('supervisor', null));
    const seen = await getAppointmentFlags(supervisor, first.id);
    expect(seen).toMatchObject([{ kind: 'multiple_bookings', status: 'open', hiddenLinked: 0, linked: [{ id: second.id, portSlug: s.b.slug }] }]);
    const officer = actorFor(await createUser('officer', s.a.id), s.a.slug);
    expect(await getAppointmentFlags(officer, first.id)).toMatchObject([{ kind: 'multiple_bookings', linked: [], hiddenLinked: 1 }]);
    const otherOfficer = actorFor(await createUser('officer', s.b.id), s.b.slug);
    await expect(getAppointmentFlags(otherOfficer, first.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
