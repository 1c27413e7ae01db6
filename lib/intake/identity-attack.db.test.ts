/** A hoarder books the same person at two ports on one date, writing the name every way Unicode allows. */
import { resetEnvCache } from '@/lib/env';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { createPort, uid } from '@/lib/testing/factories';
import { addDays, now, portToday } from '@/lib/time';
import { bookAppointment } from './book';
import { bookingBody, createIntakeKey, ensureLargeNationalCap, setDateLimit } from './testing';

beforeAll(async () => {
  process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '1000000';
  resetEnvCache();
  await ensureLargeNationalCap();
});

const variants: Array<[string, { familyName: string; givenName: string }]> = [
  ['decomposed accents (NFD)', { familyName: 'Peña Núñez'.normalize('NFD'), givenName: 'José'.normalize('NFD') }],
  ['a zero-width space', { familyName: 'Peña Nú\u200Bñez', givenName: 'José' }],
  ['fullwidth letters', { familyName: 'Ｐｅñａ Ｎúñｅｚ', givenName: 'Ｊｏｓé' }],
  ['one Cyrillic е', { familyName: 'Peña Núñez', givenName: 'Jos\u0435' }],
  ['a soft hyphen', { familyName: 'Pe\u00ADña Núñez', givenName: 'José' }],
  ['bidi marks', { familyName: '\u200FPeña Núñez\u200E', givenName: 'José' }],
  ['case and punctuation', { familyName: 'PEÑA-NÚÑEZ.', givenName: 'josé' }],
  ['spacing', { familyName: '  Peña    Núñez ', givenName: ' José' }],
];

describe('one identity however the name is written', () => {
  it.each(variants)('%s at another port on the same date is DUPLICATE_BOOKING, nothing written', async (_label, name) => {
    const a = await createPort();
    const b = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(a.timeZone, now()), 5);
    await setDateLimit(a.id, date, 5);
    await setDateLimit(b.id, date, 5);
    const dateOfBirth = addDays('1950-01-01', Math.floor(Math.random() * 20_000));
    const person = { familyName: 'Peña Núñez', givenName: 'José', dateOfBirth, nationality: 'HN' };
    expect((await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(a, date, 600, person) })).status).toBe(201);
    await expect(
      bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(b, date, 700, { ...person, ...name }) }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_BOOKING', status: 409 });
    const db = await getDb();
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from appointments where port_id = ${b.id}`);
    expect(row!.n).toBe(0);
  });

  it('the same document at any port that date is the same person, even under another name', async () => {
    const a = await createPort();
    const b = await createPort();
    const key = await createIntakeKey();
    const date = addDays(portToday(a.timeZone, now()), 5);
    await setDateLimit(a.id, date, 5);
    await setDateLimit(b.id, date, 5);
    const doc = `AB${Math.floor(Math.random() * 1e8)}`;
    expect((await bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(a, date, 600, { documentNumber: doc }) })).status).toBe(201);
    const fullwidth = doc.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    await expect(
      bookAppointment(key, { idempotencyKey: uid(), body: bookingBody(b, date, 700, { documentNumber: fullwidth }) }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_BOOKING' });
  });
});
