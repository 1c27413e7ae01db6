import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import postgres, { type Sql } from 'postgres';
import { signIn } from './helpers';
import { AppInstance, BASE_DATABASE_URL, createMigratedDatabase, databaseUrl, dropDatabase, postgresAddress, terminateBackends } from './support/app-instance';
import { arrivalsAndAudit, dueSoon, intakeKey, OFFICER_PASSWORD, portWithOfficer, sleep, type PortFixture } from './support/fault-fixtures';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Issue 8, "Faults": a database outage under 64 kiosks, pool exhaustion and a stalled database,
 * and SIGKILL in the middle of the release rush. Each test starts its own `next start` on its own
 * database (behind a TCP proxy where the database must go away), so the shared servers of the
 * suite never notice.
 */
test.skip(!BASE_DATABASE_URL, 'fault tests need PostgreSQL (TEST_DATABASE_URL)');
test.describe.configure({ mode: 'serial' });

const FIRST_PORT = Number(process.env.E2E_FAULTS_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 4);
const DB_NAME = `portroster_faults_${Date.now().toString(36)}_${FIRST_PORT}`;
const ARRIVED = new Set(['checked_in', 'late']);

let sql: Sql;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await createMigratedDatabase(DB_NAME);
  sql = postgres(databaseUrl(DB_NAME), { max: 4, onnotice: () => {} });
});

test.afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await dropDatabase(DB_NAME);
});

interface Answer {
  started: number;
  ended: number;
  status: number;
  code?: string;
  retryAfter: string | null;
}

/** One API call, timed; a transport failure (the app not answering at all) is status 0. */
async function call(base: string, path: string, init: { method?: string; cookie: string; body?: unknown; headers?: Record<string, string> }): Promise<Answer & { body: string }> {
  const started = Date.now();
  try {
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: { Cookie: init.cookie, Origin: base, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { started, ended: Date.now(), status: res.status, code, retryAfter: res.headers.get('retry-after'), body };
  } catch {
    return { started, ended: Date.now(), status: 0, retryAfter: null, body: '' };
  }
}

async function signedInPage(page: Page, fx: PortFixture): Promise<string> {
  await signIn(page, fx.officerEmail, OFFICER_PASSWORD);
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

function checkIn(base: string, cookie: string, id: string, key: string) {
  return call(base, `/api/v1/appointments/${id}/check-in`, { method: 'POST', cookie, body: { idempotencyKey: key } });
}

/** The driver codes the server logged with its 503s (lib/api/respond.ts), counted. */
function driverCodes(app: AppInstance): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of app.log.join('').matchAll(/"unavailable":"?([A-Za-z0-9_]+)/g)) counts[m[1]!] = (counts[m[1]!] ?? 0) + 1;
  return counts;
}

function expectArrivalsAudited(rows: Array<{ id: string; status: string; events: number }>) {
  const broken = rows.filter((r) => (ARRIVED.has(r.status) ? r.events !== 1 : r.events !== 0));
  expect(broken, 'arrived ⇔ exactly one arrival audit event').toEqual([]);
}

test('PostgreSQL goes away while 64 kiosks check in: 503 with Retry-After, back within 10 s, nothing lost or half-written', async ({ browser }) => {
  test.setTimeout(120_000);
  const KIOSKS = 64;
  const PER_KIOSK = 8;
  const OUTAGE_MS = 10_000;
  const proxy = new TcpProxy(postgresAddress());
  await proxy.start();
  const app = await AppInstance.start(FIRST_PORT, { DATABASE_URL: databaseUrl(DB_NAME, { host: '127.0.0.1', port: proxy.port }) });
  const context = await browser.newContext({ baseURL: app.baseURL });
  try {
    const page = await context.newPage();
    const fx = await portWithOfficer(sql, 'fault-outage', '9101');
    const ids = await dueSoon(sql, fx, KIOSKS * PER_KIOSK);
    // One person the API kiosks leave alone: the officer at the browser kiosk checks them in during the outage.
    const [byHand] = await dueSoon(sql, fx, 1, 'Reconexión');
    const [byHandCode] = await sql<{ code: string }[]>`select confirmation_code as code from appointments where id = ${byHand!}`;
    const byHandRow = page.locator(`tr[data-appointment="${byHandCode!.code}"]`);
    const cookie = await signedInPage(page, fx);
    await page.goto(`/roster/${fx.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(fx.name);

    const answers: Answer[] = [];
    const acknowledged = new Set<string>();
    let stop = false;
    // Each kiosk works through its people; a 503 is retried with the same idempotency key, as a careful client does.
    const kiosk = async (k: number) => {
      for (const id of ids.slice(k * PER_KIOSK, (k + 1) * PER_KIOSK)) {
        const key = randomUUID();
        while (!stop) {
          const a = await checkIn(app.baseURL, cookie, id, key);
          answers.push(a);
          if (a.status === 200) {
            acknowledged.add(id);
            break;
          }
          if (a.status !== 503) break;
          // Sooner than the Retry-After (5 s) a real client would honour, to keep the pressure on.
          await sleep(1_000);
        }
        await sleep(400);
      }
    };
    // A probe reads the roster every 100 ms: the recovery time is measured on it.
    const probes: Answer[] = [];
    const probe = (async () => {
      while (!stop) {
        probes.push(await call(app.baseURL, `/api/v1/ports/${fx.slug}/roster`, { cookie }));
        await sleep(100);
      }
    })();
    const working = Promise.all(Array.from({ length: KIOSKS }, (_, k) => kiosk(k)));

    let bannerShownMs: number | null = null;
    let bannerGoneMs: number | null = null;
    let pageBackMs: number | null = null;
    let byHandRefused = false;
    let pageDuringOutage: { status: number | undefined; reconnecting: boolean } | null = null;
    let outageAt = 0;
    let restoredAt = 0;
    let terminated = 0;
    try {
      await sleep(1_500);
      outageAt = Date.now();
      // A restart as the clients see it: no new connections, every backend ends with 57P01, sockets close.
      proxy.refuse();
      terminated = await terminateBackends(DB_NAME);
      await sleep(50);
      proxy.cut();

      // The open kiosk says it is reconnecting, a check-in there says it was not confirmed, and a page
      // opened now says "reconnecting" too instead of a 500 — all while the database is away.
      const other = await context.newPage();
      [bannerShownMs, byHandRefused, pageDuringOutage] = await Promise.all([
        page
          .getByTestId('reconnecting')
          .waitFor({ timeout: OUTAGE_MS - 1_000 })
          .then(() => Date.now() - outageAt, () => null),
        (async () => {
          await byHandRow.getByRole('button', { name: /^Check in/ }).click();
          return byHandRow
            .getByText('Not confirmed: the server is reconnecting to its database. Try again in a moment.')
            .waitFor({ timeout: OUTAGE_MS - 1_000 })
            .then(() => true, () => false);
        })(),
        (async () => {
          const response = await other.goto(`/roster/${fx.slug}`);
          return { status: response?.status(), reconnecting: await other.getByTestId('reconnecting').isVisible() };
        })(),
      ]);

      await sleep(outageAt + OUTAGE_MS - Date.now());
      restoredAt = Date.now();
      await proxy.up();
      // The browser comes back on its own poll and retry timers (up to a few seconds more than the API).
      bannerGoneMs = await page
        .getByTestId('reconnecting')
        .waitFor({ state: 'hidden', timeout: 15_000 })
        .then(() => Date.now() - restoredAt, () => null);
      // The page opened during the outage goes back to the roster by itself.
      pageBackMs = await other
        .getByRole('heading', { level: 1, name: new RegExp(fx.name) })
        .waitFor({ timeout: 15_000 })
        .then(() => Date.now() - restoredAt, () => null);
      await other.close();
      // Once the database is back, the same click checks the person in.
      await byHandRow.getByRole('button', { name: /^Check in/ }).click();
      await expect(byHandRow.locator('[data-status="checked_in"]')).toBeVisible();
      const deadline = setTimeout(() => (stop = true), 60_000);
      await working;
      clearTimeout(deadline);
    } finally {
      stop = true;
      await probe;
    }

    const all = [...answers, ...probes];
    const firstGoodProbe = probes.find((p) => p.started >= restoredAt && p.status === 200);
    const firstGoodCheckIn = answers.filter((a) => a.started >= restoredAt && a.status === 200).sort((a, b) => a.ended - b.ended)[0];
    const during = all.filter((a) => a.started >= outageAt + 200 && a.ended <= restoredAt);
    const label = (a: Answer) => `${a.status}${a.code ? ` ${a.code}` : ''}`;
    const statusCounts: Record<string, number> = {};
    for (const a of all) statusCounts[label(a)] = (statusCounts[label(a)] ?? 0) + 1;
    console.log(
      JSON.stringify({
        outage: {
          backendsTerminated: terminated,
          callsDuringOutage: during.length,
          slowest503Ms: Math.max(0, ...all.filter((a) => a.status === 503).map((a) => a.ended - a.started)),
          bannerShownMs,
          bannerGoneMs,
          pageDuringOutage,
          pageBackMs,
          byHandRefused,
          recoveryMsProbe: firstGoodProbe ? firstGoodProbe.ended - restoredAt : null,
          recoveryMsCheckIn: firstGoodCheckIn ? firstGoodCheckIn.ended - restoredAt : null,
          // What the probe saw right after the database came back: [ms after restore, status, latency].
          probesAfterRestore: probes.filter((p) => p.started >= restoredAt).slice(0, 8).map((p) => [p.started - restoredAt, p.status, p.ended - p.started]),
          acknowledged: acknowledged.size,
          statusCounts,
          driverCodes: driverCodes(app),
        },
      }),
    );

    expect(bannerShownMs, 'the kiosk said it is reconnecting').not.toBeNull();
    expect(bannerGoneMs, 'the banner went away once the database was back').not.toBeNull();
    expect(byHandRefused, 'a check-in at the kiosk during the outage said it was not confirmed').toBe(true);
    expect(pageDuringOutage, 'a page opened during the outage says "reconnecting", not 500').toEqual({ status: 200, reconnecting: true });
    expect(pageBackMs, 'that page returned to the roster by itself').not.toBeNull();
    expect(app.alive, 'the app process survived').toBe(true);
    expect(app.errorLines(), 'no unmapped (500) errors logged').toEqual([]);
    // The app always answered, and only with success or 503 UNAVAILABLE + Retry-After.
    expect(Object.keys(statusCounts).filter((k) => k !== '200' && k !== '503 UNAVAILABLE')).toEqual([]);
    expect(all.filter((a) => a.status === 503 && !a.retryAfter)).toEqual([]);
    expect(during.length).toBeGreaterThan(KIOSKS);
    expect(during.filter((a) => a.status !== 503)).toEqual([]);
    expect(firstGoodProbe, 'a request succeeded after the database returned').toBeTruthy();
    expect(firstGoodProbe!.ended - restoredAt).toBeLessThan(10_000);
    expect(acknowledged.size).toBe(ids.length);

    const rows = await arrivalsAndAudit(sql, fx.id);
    expectArrivalsAudited(rows);
    const arrived = new Set(rows.filter((r) => ARRIVED.has(r.status)).map((r) => r.id));
    expect([...acknowledged].filter((id) => !arrived.has(id)), 'every acknowledged check-in is stored').toEqual([]);
  } finally {
    await context.close();
    await app.kill();
    proxy.close();
    await test.info().attach('server stderr', { body: app.log.join(''), contentType: 'text/plain' });
  }
});

test('pool exhaustion, a held lock and a stalled database: 503 within seconds, nothing left idle in transaction', async ({ browser }) => {
  test.setTimeout(90_000);
  const proxy = new TcpProxy(postgresAddress());
  await proxy.start();
  const app = await AppInstance.start(FIRST_PORT + 1, {
    DATABASE_URL: databaseUrl(DB_NAME, { host: '127.0.0.1', port: proxy.port }),
    DB_POOL_MAX: '2',
    DB_ACQUIRE_TIMEOUT_MS: '1000',
    DB_LOCK_TIMEOUT_MS: '1000',
    DB_STATEMENT_TIMEOUT_MS: '2000',
    DB_CONNECT_TIMEOUT_S: '1',
    REQUEST_TIMEOUT_MS: '3000',
  });
  const FAIL_FAST_MS = 5_000;
  const context = await browser.newContext({ baseURL: app.baseURL });
  try {
    const fx = await portWithOfficer(sql, 'fault-pool', '9102');
    const ids = await dueSoon(sql, fx, 40);
    const cookie = await signedInPage(await context.newPage(), fx);
    const target = ids[0]!;

    // 1. Someone holds the row lock: 16 check-ins of that person on a pool of 2 connections.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = sql.begin(async (tx) => {
      await tx`select 1 from appointments where id = ${target} for update`;
      locked();
      await held;
    });
    await isLocked;
    const blocked = await Promise.all(Array.from({ length: 16 }, () => checkIn(app.baseURL, cookie, target, randomUUID())));
    release();
    await holder;
    const slowestBlocked = Math.max(...blocked.map((a) => a.ended - a.started));
    expect(blocked.map((a) => `${a.status} ${a.code}`)).toEqual(blocked.map(() => '503 UNAVAILABLE'));
    expect(blocked.every((a) => a.retryAfter)).toBe(true);
    expect(slowestBlocked).toBeLessThan(FAIL_FAST_MS);
    // The lock is gone: the same check-in now succeeds.
    expect((await checkIn(app.baseURL, cookie, target, randomUUID())).status).toBe(200);

    // 2. The path to the database stalls (no statement timeout can fire): check-ins and reads give up.
    proxy.stall();
    const stalledAt = Date.now();
    const stalled = await Promise.all([
      ...ids.slice(1, 13).map((id) => checkIn(app.baseURL, cookie, id, randomUUID())),
      ...Array.from({ length: 8 }, () => call(app.baseURL, `/api/v1/ports/${fx.slug}/roster`, { cookie })),
    ]);
    const slowestStalled = Math.max(...stalled.map((a) => a.ended - a.started));
    await proxy.up();
    const upAt = Date.now();
    expect(stalled.map((a) => `${a.status} ${a.code}`)).toEqual(stalled.map(() => '503 UNAVAILABLE'));
    expect(stalled.every((a) => a.retryAfter)).toBe(true);
    expect(slowestStalled).toBeLessThan(FAIL_FAST_MS);
    let recovered: Answer | undefined;
    for (let i = 13; i < ids.length && !recovered; i++) {
      const a = await checkIn(app.baseURL, cookie, ids[i]!, randomUUID());
      if (a.status === 200) recovered = a;
      else await sleep(200);
    }
    expect(recovered, 'check-ins succeed again once the database answers').toBeTruthy();
    expect(recovered!.ended - upAt).toBeLessThan(10_000);

    // Abandoned work finished or rolled back on its own, well before the server's 10 s idle-in-transaction limit.
    await expect
      .poll(async () => (await sql`select count(*)::int as n from pg_stat_activity where datname = ${DB_NAME} and state like 'idle in transaction%'`)[0]!.n, { timeout: 5_000 })
      .toBe(0);
    expectArrivalsAudited(await arrivalsAndAudit(sql, fx.id));
    expect(app.alive).toBe(true);
    expect(app.errorLines()).toEqual([]);
    console.log(JSON.stringify({ pool: { lockedCheckIns: blocked.length, slowestBlockedMs: slowestBlocked, stalledCalls: stalled.length, slowestStalledMs: slowestStalled, stalledForMs: upAt - stalledAt, recoveryMs: recovered!.ended - upAt, driverCodes: driverCodes(app) } }));
  } finally {
    await context.close();
    await app.kill();
    proxy.close();
    await test.info().attach('server stderr', { body: app.log.join(''), contentType: 'text/plain' });
  }
});

test('SIGKILL in the middle of the release rush: bookings, capacity counters and audit events agree exactly', async () => {
  test.setTimeout(120_000);
  const LIMIT = 150;
  const CLIENTS = 48;
  const REQUESTS = 600;
  const env = { DATABASE_URL: databaseUrl(DB_NAME), INTAKE_RATE_LIMIT_PER_MINUTE: '10000000' };
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
    person: { familyName: `Rush${i}`, givenName: 'Persona', dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`, nationality: 'MX', language: 'es', documentNumber: `K${i}` },
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
    .poll(async () => (await sql`select count(*)::int as n from pg_stat_activity where datname = ${DB_NAME} and application_name = 'port-roster'`)[0]!.n, { timeout: 15_000 })
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
