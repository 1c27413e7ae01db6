import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { createPort, nameTag, uid } from '@/lib/testing/factories';
import { AppError } from '@/lib/errors';
import { addDays, now, portToday, toPortIso, portLocalInstant } from '@/lib/time';
import { importRoster, type Importer } from './import-roster';
import { exportRosterCsv } from './export-roster';
import { createIntakeKey, ensureLargeNationalCap, setDateLimit } from './testing';

const HEADER = 'port,confirmation_code,scheduled_at,party_size,family_name,given_name,date_of_birth,nationality,language,document_number';

async function setup() {
  const port = await createPort({ timeZone: 'America/Denver' });
  const key = await createIntakeKey();
  const importer: Importer = { kind: 'key', keyId: key.keyId, name: key.name };
  const date = addDays(portToday(port.timeZone, now()), 1);
  // Imports obey the same daily limits as single bookings: give the port room.
  for (const d of [addDays(date, -1), date, addDays(date, 1)]) await setDateLimit(port.id, d, 50);
  const at = (min: number) => toPortIso(portLocalInstant(date, min, port.timeZone), port.timeZone);
  const code = () => `T${uid(3).toUpperCase()}`.replace(/[^A-Z0-9]/g, 'X');
  const line = (fields: Partial<Record<string, string>> = {}) => {
    const f = { port: port.slug, confirmation_code: code(), scheduled_at: at(600), party_size: '1', family_name: `Fam${nameTag(2)}`, given_name: 'Ana', date_of_birth: '1990-05-05', nationality: 'GT', language: 'es', document_number: '', ...fields };
    return HEADER.split(',').map((c) => f[c as keyof typeof f] ?? '').join(',');
  };
  const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\r\n') + '\r\n');
  const count = async () => {
    const [r] = await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from appointments where port_id = ${port.id}`);
    return r!.n;
  };
  return { port, importer, date, at, code, line, csv, count };
}

async function report(p: Promise<unknown>): Promise<{ code: string; status: number; rows: Array<{ row: number; column: string | null; message: string }> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, status: e.status, rows: (e.details?.rows as never) ?? [] };
    throw e;
  }
  throw new Error('expected the import to be refused');
}

beforeAll(async () => {
  await ensureLargeNationalCap();
});

describe('roster import', () => {
  it('imports a CSV with a BOM, quotes, commas and newlines in fields; re-import changes nothing', async () => {
    const s = await setup();
    const c1 = s.code();
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...s.csv(s.line({ confirmation_code: c1, family_name: '"Peña, O\'Neil Núñez"' }), s.line())]);
    expect(await importRoster(s.importer, { kind: 'csv', bytes: body })).toEqual({ imported: 2, unchanged: 0 });
    const [row] = await queryRows<{ family_name: string }>(await getDb(), sql`select family_name from appointments where confirmation_code = ${c1}`);
    expect(row!.family_name).toBe("Peña, O'Neil Núñez");
    expect(await importRoster(s.importer, { kind: 'csv', bytes: body })).toEqual({ imported: 0, unchanged: 2 });
    const [counter] = await queryRows<{ booked: number }>(await getDb(), sql`select booked from daily_bookings where port_id = ${s.port.id} and service_date = ${s.date}`);
    expect(counter!.booked).toBe(2);
  });

  it('accepts JSON and times earlier today', async () => {
    const s = await setup();
    const today = portToday(s.port.timeZone, now());
    const earlier = toPortIso(portLocalInstant(today, 0, s.port.timeZone), s.port.timeZone);
    const result = await importRoster(s.importer, {
      kind: 'json',
      body: { port: s.port.slug, appointments: [{ confirmationCode: s.code(), scheduledAt: earlier, partySize: 2, person: { familyName: 'Lopez', givenName: 'Rosa', dateOfBirth: '1970-01-02', nationality: 've', language: 'es' } }] },
    });
    expect(result).toEqual({ imported: 1, unchanged: 0 });
  });

  const catalogue: Array<[string, (s: Awaited<ReturnType<typeof setup>>) => Uint8Array, Array<{ row: number; column: string | null; message: RegExp }>, string?]> = [
    ['Windows-1252 bytes', (s) => new Uint8Array([...s.csv(s.line()), ...new TextEncoder().encode(`${s.port.slug},ABCD2345,x,1,Pe`), 0xf1, ...new TextEncoder().encode('a,Jos,1990-01-01,MX,es,\r\n')]), [{ row: 3, column: null, message: /not UTF-8: byte 0xF1 on line 3.*Windows-1252/ }]],
    ['a missing column', (s) => new TextEncoder().encode(HEADER.replace(',language', '') + '\n' + s.line()), [{ row: 1, column: 'language', message: /missing column/ }]],
    ['an impossible date', (s) => s.csv(s.line(), s.line({ date_of_birth: '1990-02-30' })), [{ row: 3, column: 'date_of_birth', message: /not a real date/ }]],
    ['a time in an unknown zone format', (s) => s.csv(s.line({ scheduled_at: `${s.date}T09:30:00 PST` })), [{ row: 2, column: 'scheduled_at', message: /offset.*PST/ }]],
    ['an unknown port', (s) => s.csv(s.line(), s.line({ port: 'atlantis' })), [{ row: 3, column: 'port', message: /unknown port "atlantis"/ }]],
    ['a duplicate code inside the file', (s) => s.csv(s.line({ confirmation_code: 'DUPE2345' }), s.line(), s.line({ confirmation_code: 'dupe-2345' })), [{ row: 4, column: 'confirmation_code', message: /duplicate of row 2/ }]],
    ['an empty file', () => new Uint8Array(), [{ row: 1, column: null, message: /empty/ }]],
    ['a formula in a name', (s) => s.csv(s.line({ given_name: '"=HYPERLINK(""http://x"",""y"")"' }), s.line({ family_name: '+cmd|\' /C calc\'!A0' })), [
      { row: 2, column: 'given_name', message: /formula/ },
      { row: 3, column: 'family_name', message: /formula/ },
    ]],
    ['an unclosed quote', (s) => s.csv(s.line(), s.line({ family_name: '"Open' })), [{ row: 4, column: null, message: /cannot be read.*Quote Not Closed/ }]],
    ['a past date', (s) => s.csv(s.line({ scheduled_at: toPortIso(portLocalInstant(addDays(s.date, -3), 600, s.port.timeZone), s.port.timeZone) })), [{ row: 2, column: 'scheduled_at', message: /before today/ }]],
  ];

  for (const [name, build, expected] of catalogue) {
    it(`refuses ${name} with a row report and writes nothing`, async () => {
      const s = await setup();
      const r = await report(importRoster(s.importer, { kind: 'csv', bytes: build(s) }));
      expect(r.code).toBe('VALIDATION');
      expect(r.status).toBe(400);
      expect(r.rows).toHaveLength(expected.length);
      r.rows.forEach((row, i) => {
        expect(row.row).toBe(expected[i]!.row);
        expect(row.column).toBe(expected[i]!.column);
        expect(row.message).toMatch(expected[i]!.message);
      });
      expect(await s.count()).toBe(0);
    });
  }

  it('refuses an oversized file (over 5 MB, or over 20,000 rows) with 413 and writes nothing', async () => {
    const s = await setup();
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    expect(await report(importRoster(s.importer, { kind: 'csv', bytes: big }))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    const many = s.csv(...Array.from({ length: 20_001 }, () => `${s.port.slug},X,x,1,a,b,1990-01-01,MX,es,`));
    expect(many.length).toBeLessThan(5 * 1024 * 1024);
    expect(await report(importRoster(s.importer, { kind: 'csv', bytes: many }))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(await s.count()).toBe(0);
  });

  it('export neutralises formulas, and names starting with - or + survive a round trip', async () => {
    const s = await setup();
    const c1 = s.code();
    const c2 = s.code();
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line({ confirmation_code: c1, family_name: '-Ana', given_name: '-Luis' }), s.line({ confirmation_code: c2, family_name: 'Ruiz' })) });
    const supervisor = { role: 'supervisor' as const, portId: null };
    const csv = await exportRosterCsv(supervisor, s.port.slug, s.date);
    expect(csv).toContain(`'-Ana`);
    expect(csv).toContain(`'-Luis`);
    expect(csv.startsWith(HEADER)).toBe(true);
    // Round trip: the exported file imports as unchanged.
    expect(await importRoster(s.importer, { kind: 'csv', bytes: new TextEncoder().encode(csv) })).toEqual({ imported: 0, unchanged: 2 });
  });
});

describe('one booking path: an import obeys the rules of a single booking', () => {
  it('3 rows where 2 slots remain: refused whole with CAPACITY_FULL on each added row, 0 written', async () => {
    const s = await setup();
    await setDateLimit(s.port.id, s.date, 3);
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line()) });
    const r = await report(importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line(), s.line(), s.line()) }));
    expect(r.status).toBe(400);
    expect(r.rows.map((x) => [x.row, x.column, (x as { rule?: string }).rule])).toEqual([
      [2, 'scheduled_at', 'CAPACITY_FULL'],
      [3, 'scheduled_at', 'CAPACITY_FULL'],
      [4, 'scheduled_at', 'CAPACITY_FULL'],
    ]);
    expect(r.rows[0]!.message).toMatch(/2 slots left.*adds 3/);
    expect(await s.count()).toBe(1);
    const [counter] = await queryRows<{ booked: number }>(await getDb(), sql`select booked from daily_bookings where port_id = ${s.port.id} and service_date = ${s.date}`);
    expect(counter!.booked).toBe(1);
    // Exactly the remaining two fit.
    expect(await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line(), s.line()) })).toEqual({ imported: 2, unchanged: 0 });
  });

  it('a suspended port takes no new rows, but its stored roster may be re-sent', async () => {
    const s = await setup();
    const kept = s.line();
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(kept) });
    await (await getDb()).execute(sql`update ports set active = false where id = ${s.port.id}`);
    expect(await importRoster(s.importer, { kind: 'csv', bytes: s.csv(kept) })).toEqual({ imported: 0, unchanged: 1 });
    const r = await report(importRoster(s.importer, { kind: 'csv', bytes: s.csv(kept, s.line()) }));
    expect(r.rows).toMatchObject([{ row: 3, column: 'port', rule: 'PORT_SUSPENDED' }]);
    expect(await s.count()).toBe(1);
  });

  it('the same person as a stored booking, written with NFD, zero-width and Cyrillic letters, is DUPLICATE_BOOKING', async () => {
    const s = await setup();
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line({ family_name: 'Peña Núñez', given_name: 'José', date_of_birth: '1966-06-16' })) });
    const variant = s.line({ family_name: 'Pe\u200Bña Núñez'.normalize('NFD'), given_name: 'Jos\u0435', date_of_birth: '1966-06-16' });
    const r = await report(importRoster(s.importer, { kind: 'csv', bytes: s.csv(variant) }));
    expect(r.rows).toMatchObject([{ row: 2, column: 'family_name', rule: 'DUPLICATE_BOOKING' }]);
    const twice = await report(importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line({ family_name: 'Ruiz', date_of_birth: '1950-01-01' }), s.line({ family_name: 'RUIZ', date_of_birth: '1950-01-01' })) }));
    expect(twice.rows).toMatchObject([{ row: 3, column: 'family_name', rule: 'DUPLICATE_BOOKING' }]);
    expect(await s.count()).toBe(1);
  });

  it("refuses a date beyond the port's booking window and implausible people, naming the column", async () => {
    const s = await setup();
    const far = toPortIso(portLocalInstant(addDays(s.date, 90), 600, s.port.timeZone), s.port.timeZone);
    const r = await report(
      importRoster(s.importer, {
        kind: 'csv',
        bytes: s.csv(
          s.line({ scheduled_at: far }),
          s.line({ date_of_birth: '2999-01-01' }),
          s.line({ date_of_birth: '1850-01-01' }),
          s.line({ given_name: 'Ana\u202Eevil' }),
          s.line({ family_name: 'R2D2' }),
          s.line({ family_name: '\u200B' }),
          s.line({ party_size: '13' }),
        ),
      }),
    );
    expect(r.rows.map((x) => [x.row, x.column, (x as { rule?: string }).rule])).toEqual([
      [2, 'scheduled_at', 'BOOKING_WINDOW'],
      [3, 'date_of_birth', 'VALIDATION'],
      [4, 'date_of_birth', 'VALIDATION'],
      [5, 'given_name', 'VALIDATION'],
      [6, 'family_name', 'VALIDATION'],
      [7, 'family_name', 'VALIDATION'],
      [8, 'party_size', 'VALIDATION'],
    ]);
    expect(await s.count()).toBe(0);
  });

  it('flags a near match in the import transaction', async () => {
    const s = await setup();
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line({ family_name: 'Quispe Mamani', given_name: 'Rosa', date_of_birth: '1982-03-04' })) });
    await importRoster(s.importer, { kind: 'csv', bytes: s.csv(s.line({ family_name: 'Quispe Mamani', given_name: 'Rosa', date_of_birth: '1982-04-03' })) });
    const flags = await queryRows<{ reasons: string[] }>(
      await getDb(),
      sql`select f.match_reasons as reasons from appointment_flags f join appointments a on a.id = f.appointment_id
          where a.port_id = ${s.port.id} and f.kind = 'identity_match'`,
    );
    expect(flags.map((f) => f.reasons)).toEqual([['dob_day_month_swapped'], ['dob_day_month_swapped']]);
  });
});
