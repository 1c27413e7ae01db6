/** Issue 8, faults: pool exhaustion, a held lock and a stalled network fail fast with 503. */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AppInstance, databaseUrl, postgresAddress } from './support/app-instance';
import { arrivalsAndAudit, dueSoon, portWithOfficer, sleep } from './support/fault-fixtures';
import { call, checkIn, driverCodes, expectArrivalsAudited, FIRST_PORT, signedInPage, faultDatabase, type Answer } from './support/fault-harness';
import { TcpProxy } from './support/tcp-proxy';

const db = faultDatabase('limits');

test('pool exhaustion, a held lock and a stalled database: 503 within seconds, nothing left idle in transaction', async ({ browser }) => {
  test.setTimeout(90_000);
  const { sql } = db;
  const proxy = new TcpProxy(postgresAddress());
  await proxy.start();
  const app = await AppInstance.start(FIRST_PORT + 1, {
    DATABASE_URL: databaseUrl(db.name, { host: '127.0.0.1', port: proxy.port }),
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
      .poll(async () => (await sql`select count(*)::int as n from pg_stat_activity where datname = ${db.name} and state like 'idle in transaction%'`)[0]!.n, { timeout: 5_000 })
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
