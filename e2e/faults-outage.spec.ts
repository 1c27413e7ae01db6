/** Issue 8, faults: PostgreSQL goes away (connections cut, backends terminated, new ones refused) under 64 kiosks. */
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AppInstance, databaseUrl, postgresAddress, terminateBackends } from './support/app-instance';
import { arrivalsAndAudit, dueSoon, portWithOfficer, sleep } from './support/fault-fixtures';
import { ARRIVED, call, checkIn, driverCodes, expectArrivalsAudited, FIRST_PORT, signedInPage, faultDatabase, type Answer } from './support/fault-harness';
import { TcpProxy } from './support/tcp-proxy';

const db = faultDatabase('outage');

test('PostgreSQL goes away while 64 kiosks check in: 503 with Retry-After, back within 10 s, nothing lost or half-written', async ({ browser }) => {
  test.setTimeout(120_000);
  const { sql } = db;
  const KIOSKS = 64;
  const PER_KIOSK = 8;
  const OUTAGE_MS = 10_000;
  const proxy = new TcpProxy(postgresAddress());
  await proxy.start();
  const app = await AppInstance.start(FIRST_PORT, { DATABASE_URL: databaseUrl(db.name, { host: '127.0.0.1', port: proxy.port }) });
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
      terminated = await terminateBackends(db.name);
      await sleep(50);
      proxy.cut();

      // The open kiosk says it is reconnecting, a check-in there is kept on the device as pending (the
      // offline queue), and a page opened now says "reconnecting" too instead of a 500 — all while the database is away.
      const other = await context.newPage();
      [bannerShownMs, byHandRefused, pageDuringOutage] = await Promise.all([
        page
          .getByTestId('reconnecting')
          .waitFor({ timeout: OUTAGE_MS - 1_000 })
          .then(() => Date.now() - outageAt, () => null),
        (async () => {
          await byHandRow.getByRole('button', { name: /^Check in/ }).click();
          return byHandRow
            .getByText(/^Pending, not yet on the server/)
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
      // Once the database is back, the kept check-in is replayed by itself (same idempotency key).
      await expect(byHandRow.getByText(/^Sent from this device: Checked in/)).toBeVisible({ timeout: 20_000 });
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
    expect(byHandRefused, 'a check-in at the kiosk during the outage was kept on the device as pending').toBe(true);
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
