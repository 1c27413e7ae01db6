/** Issue 8, faults: the app process killed with SIGKILL in the middle of the release rush. */
import { expect, test } from '@playwright/test';
import { AppInstance, databaseUrl } from './support/app-instance';
import { intakeKey } from './support/fault-fixtures';
import { call, FIRST_PORT, faultDatabase } from './support/fault-harness';

const db = faultDatabase('rush');

test('SIGKILL in the middle of the release rush: bookings, capacity counters and audit events agree exactly', async () => {
  test.setTimeout(120_000);
  const { sql } = db;
  const LIMIT = 150;
  const CLIENTS = 48;
  const REQUESTS = 600;
  const env = { DATABASE_URL: databaseUrl(db.name), INTAKE_RATE_LIMIT_PER_MINUTE: '10000000' };
  const [port] = await sql<{ id: number }[]>`insert into ports (slug, name, state, time_zone, code) values ('fault-rush', 'Fault rush', 'CA', 'America/Los_Angeles', '9103') returning id`;
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await sql`insert into date_limit_overrides (port_id, service_date, daily_limit) values (${port!.id}, ${date}, ${LIMIT})`;
  await sql`insert into national_cap (id, daily_cap) values (1, 100000) on conflict (id) do update set daily_cap = excluded.daily_cap`;
  const key = await intakeKey(sql, 'fault-rush');
  const scheduledAt = `${date}T17:00:00Z`;
  const booking = (i: number) => ({
    port: 'fault-rush',
    scheduledAt,
    partySize: 1 + (i % 3),
    person: { familyName: `Rush${String(i).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!)}`, givenName: 'Persona', dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`, nationality: 'MX', language: 'es', documentNumber: `K${i}` },
  });
  const book = (base: string, i: number) =>
    call(base, '/api/v1/intake/bookings', { method: 'POST', cookie: '', body: booking(i), headers: { Authorization: `Bearer ${key.secret}`, 'Idempotency-Key': `rush-${i}` } });

  let app = await AppInstance.start(FIRST_PORT + 2, env);
  const acknowledged = new Map<number, string>();
  let next = 0;
  let killedAfter = -1;
  const killed = new Promise<void>((resolve) => {
    const client = async () => {
      while (next < REQUESTS) {
        const i = next++;
        const a = await book(app.baseURL, i);
        if (a.status === 201) acknowledged.set(i, a.body);
        // Kill while bookings are being written, well before the day sells out.
        if (acknowledged.size >= 40 && killedAfter < 0) {
          killedAfter = acknowledged.size;
          app.process.kill('SIGKILL');
          resolve();
        }
        if (a.status === 0) return;
      }
    };
    void Promise.all(Array.from({ length: CLIENTS }, client)).then(() => resolve());
  });
  await killed;
  await app.kill('SIGKILL');
  expect(killedAfter).toBeGreaterThan(0);
  // PostgreSQL rolls back the dead process's open transactions once it notices the closed sockets.
  await expect
    .poll(async () => (await sql`select count(*)::int as n from pg_stat_activity where datname = ${db.name} and application_name = 'port-roster'`)[0]!.n, { timeout: 15_000 })
    .toBe(0);

  const agree = async () => {
    const [r] = await sql<{ bookings: number; counter: number | null; national: number | null; all_on_date: number; audited: number; unaudited: number; stored: number }[]>`
      select
        (select count(*)::int from appointments where port_id = ${port!.id} and service_date = ${date} and status <> 'cancelled') as bookings,
        (select booked from daily_bookings where port_id = ${port!.id} and service_date = ${date}) as counter,
        (select booked from national_daily_bookings where service_date = ${date}) as national,
        (select count(*)::int from appointments where service_date = ${date} and status <> 'cancelled') as all_on_date,
        (select count(*)::int from audit_events e join appointments a on e.target_id = a.id::text
           where e.action = 'appointment.book' and a.port_id = ${port!.id}) as audited,
        (select count(*)::int from appointments a where a.port_id = ${port!.id}
           and (select count(*) from audit_events e where e.action = 'appointment.book' and e.target_id = a.id::text) <> 1) as unaudited,
        (select count(*)::int from idempotency_records where scope = ${`intake-booking:${key.id}`} and response_status = 201) as stored`;
    return r!;
  };
  const afterKill = await agree();
  expect(afterKill.counter).toBe(afterKill.bookings);
  expect(afterKill.national).toBe(afterKill.all_on_date);
  expect(afterKill.audited).toBe(afterKill.bookings);
  expect(afterKill.unaudited).toBe(0);
  expect(afterKill.stored).toBe(afterKill.bookings);
  expect(afterKill.bookings).toBeGreaterThanOrEqual(acknowledged.size);
  const codes = new Set((await sql<{ code: string }[]>`select confirmation_code as code from appointments where port_id = ${port!.id}`).map((r) => r.code));
  const lost = [...acknowledged.values()].map((b) => (JSON.parse(b) as { appointment: { confirmationCode: string } }).appointment.confirmationCode).filter((c) => !codes.has(c));
  expect(lost, 'every acknowledged booking survived the kill').toEqual([]);

  // A fresh process takes over: replays return the stored answers, and the day sells out exactly.
  app = await AppInstance.start(FIRST_PORT + 2, env);
  try {
    for (const [i, body] of [...acknowledged].slice(0, 5)) {
      const replay = await book(app.baseURL, i);
      expect(replay.status).toBe(201);
      expect(replay.body).toBe(body);
    }
    let i = 0;
    const finish = async () => {
      while (i < REQUESTS) await book(app.baseURL, i++);
    };
    await Promise.all(Array.from({ length: 16 }, finish));
    const end = await agree();
    expect(end.bookings).toBe(LIMIT);
    expect(end.counter).toBe(LIMIT);
    expect(end.national).toBe(end.all_on_date);
    expect(end.audited).toBe(LIMIT);
    expect(end.unaudited).toBe(0);
    expect(end.stored).toBe(LIMIT);
    expect(app.errorLines()).toEqual([]);
    console.log(JSON.stringify({ rush: { killedAfterAcknowledged: killedAfter, acknowledgedBeforeKill: acknowledged.size, bookingsAfterKill: afterKill.bookings, counterAfterKill: afterKill.counter, finalBookings: end.bookings } }));
  } finally {
    await app.kill();
  }
});
