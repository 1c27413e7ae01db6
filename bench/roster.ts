/**
 * Kiosk benchmarks (issue 3): roster API at 150 and 1,000 rows, check-in with 64 kiosks,
 * first-load JavaScript of the roster page, server memory. Each figure is printed with its
 * floors measured in the same run: GET /api/v1/health and the same SQL straight on PostgreSQL.
 * Needs a built app (`npm run build`) and PostgreSQL (TEST_DATABASE_URL or DATABASE_URL).
 */
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { chromium } from '@playwright/test';
import { openPostgres, queryRows } from '@/db/client';
import { users, ports as portsTable } from '@/db/schema';
import { seedDemo } from '@/lib/seed/demo';
import { createTestDatabase, dropTestDatabase } from '@/lib/testing/postgres-database';
import { hashPassword } from '@/lib/auth/password';
import { rosterJsonSql } from '@/lib/roster/queries';
import { addDays, now, portLocalInstant, portToday } from '@/lib/time';
import { generateHistory } from './lib/generate';
import { load, ms } from './lib/stats';
import { machine, printTable, writeResults, type Figure } from './lib/report';
import { signInCookie, startServer } from './lib/server';
import { IDENTITY_KEY_VERSION } from '@/lib/identity/keys';

/**
 * The stored keys of a generated "<Word> <n>, Persona, 1990-01-01, MX" row. For plain ASCII letters and
 * digits lib/identity's fold is lower() with spaces removed (identity) or kept (search).
 */
const ASCII_KEYS = (family: string) =>
  `replace(lower(${family}), ' ', '') || '|persona|1990-01-01|MX', 'persona ' || lower(${family}), ${IDENTITY_KEY_VERSION}`;

const BASE = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const DAYS = Number(process.env.BENCH_DAYS ?? 3650);
const PASSWORD = 'bench-password-123';

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build');
  console.log(`Machine: ${machine()}`);
  const { url: dbUrl, name } = await createTestDatabase(BASE, 'bench');
  const handle = await openPostgres(dbUrl, { max: 4 });
  const raw = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    await seedDemo(handle.db, { seed: 1, now: now(), demoPassword: PASSWORD, historyDays: 0, futureDays: 0 });
    const yesterday = addDays(portToday('America/Chicago'), -1);
    const generated = await generateHistory(raw, { days: DAYS, endDate: yesterday });
    console.log(`Generated ${generated.toLocaleString('en-US')} appointments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Port-days of 1,000 and 150 on one future date, and today's kiosk day for check-ins.
    const benchDate = addDays(portToday('America/Los_Angeles'), 7);
    const [sy] = await handle.db.select().from(portsTable).where(sql`slug = 'san-ysidro'`);
    const [ng] = await handle.db.select().from(portsTable).where(sql`slug = 'nogales'`);
    for (const [port, n] of [[sy!, 1000], [ng!, 150]] as const) {
      await raw.unsafe(`insert into appointments (confirmation_code, port_id, scheduled_at, service_date, family_name, given_name, date_of_birth, nationality, language,
          identity_key, search_key, identity_key_version)
        select 'R' || upper(lpad(to_hex(${port.id} * 100000 + g), 7, '0')), ${port.id},
          ('${benchDate}'::timestamp + make_interval(mins => (g * 1440 / ${n})::int)) at time zone '${port.timeZone}', '${benchDate}',
          'Benchmark ' || g, 'Persona', '1990-01-01', 'MX', 'es',
          ${ASCII_KEYS("'Benchmark ' || g")} from generate_series(1, ${n}) g`);
    }
    const kioskZone = ['America/Los_Angeles', 'America/Chicago', 'Asia/Tokyo', 'Europe/Paris', 'Pacific/Auckland'].find((tz) => {
      const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(now()));
      return h >= 4 && h <= 18;
    })!;
    const [kioskPort] = await handle.db.insert(portsTable).values({ slug: 'bench-kiosk', name: 'Bench kiosk', state: 'CA', timeZone: kioskZone, code: '9999' }).returning();
    const kioskToday = portToday(kioskZone);
    const startMinute = Math.floor((Date.now() - portLocalInstant(kioskToday, 0, kioskZone).getTime()) / 60_000) + 60;
    await raw.unsafe(`insert into appointments (confirmation_code, port_id, scheduled_at, service_date, family_name, given_name, date_of_birth, nationality, language,
        identity_key, search_key, identity_key_version)
      select 'K' || upper(lpad(to_hex(g), 7, '0')), ${kioskPort!.id},
        ('${kioskToday}'::timestamp + make_interval(mins => ${startMinute} + g % 240)) at time zone '${kioskZone}', '${kioskToday}',
        'Kiosk ' || g, 'Persona', '1990-01-01', 'MX', 'es', ${ASCII_KEYS("'Kiosk ' || g")} from generate_series(1, 6000) g`);
    await handle.db.insert(users).values({ email: 'bench.officer@example.gov', name: 'Bench Officer', role: 'officer', portId: kioskPort!.id, passwordHash: await hashPassword(PASSWORD) });
    await raw.unsafe('analyze');

    const server = await startServer(dbUrl, PORT);
    try {
      const rows: Figure[] = [];
      const cookie = await signInCookie(server.url, 'supervisor@example.gov', PASSWORD);
      const get = (path: string, headers: Record<string, string> = {}) => async () => {
        const r = await fetch(`${server.url}${path}`, { headers });
        await r.arrayBuffer();
        return r.status;
      };
      // Warm up the routes and the database cache.
      await load(200, 8, get('/api/v1/health'));
      await load(100, 8, get(`/api/v1/ports/san-ysidro/roster?date=${benchDate}`, { Cookie: cookie }));
      const restRss = server.rssMb();

      for (const [port, n] of [[ng!, 150], [sy!, 1000]] as const) {
        const portRecord = { ...port, today: portToday(port.timeZone) };
        const statement = rosterJsonSql(portRecord, benchDate, {}, now());
        for (const c of [1, 16, 64]) {
          const total = c === 1 ? 200 : 1000;
          const health = await load(total, c, get('/api/v1/health'));
          const rawSql = await load(total, Math.min(c, 4), async () => {
            await queryRows(handle.db, statement);
            return 200;
          });
          const api = await load(total, c, get(`/api/v1/ports/${port.slug}/roster?date=${benchDate}`, { Cookie: cookie }));
          const target = 2 * (health.p50 + rawSql.p50);
          rows.push({
            figure: `roster ${n} rows, ${c} clients`,
            value: `${api.rps.toFixed(0)} req/s, p50 ${ms(api.p50)}, p99 ${ms(api.p99)}, errors ${api.errors}`,
            target: `p50 <= ${ms(target)} (2x floors) ${api.p50 <= target ? 'met' : 'MISSED'}`,
            floor: `health p50 ${ms(health.p50)} (${health.rps.toFixed(0)} req/s), SQL p50 ${ms(rawSql.p50)}`,
          });
        }
      }

      // 64 kiosks checking in distinct people: first against one instance, then spread over two
      // instances on the same database (one `next start` keeps about one core busy; the second core is otherwise idle).
      const officer = await signInCookie(server.url, 'bench.officer@example.gov', PASSWORD);
      const ids = (await raw.unsafe(`select id from appointments where port_id = ${kioskPort!.id} order by random()`)).map((r) => r.id as string);
      const perRun = Math.floor(ids.length / 2);
      const checkInAt = (baseUrl: string, id: string) => async () => {
        const r = await fetch(`${baseUrl}/api/v1/appointments/${id}/check-in`, {
          method: 'POST',
          headers: { Cookie: officer, Origin: baseUrl, 'Content-Type': 'application/json' },
          body: '{}',
        });
        await r.arrayBuffer();
        return r.status;
      };
      const health64 = await load(3000, 64, get('/api/v1/health'));
      let peakRss = 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssMb())), 200);
      const checkins = await load(perRun, 64, (i) => checkInAt(server.url, ids[i]!)());
      clearInterval(sampler);
      const ratio = checkins.rps / health64.rps;
      rows.push({
        figure: 'check-in, 64 kiosks, 1 instance',
        value: `${checkins.rps.toFixed(0)} req/s, p50 ${ms(checkins.p50)}, p99 ${ms(checkins.p99)}, errors ${checkins.errors} (${JSON.stringify(checkins.statuses)})`,
        target: `>= 50% of health req/s (${(ratio * 100).toFixed(0)}%), p99 < 100 ms, 0 errors`,
        floor: `health at 64: ${health64.rps.toFixed(0)} req/s, p50 ${ms(health64.p50)}`,
      });

      const second = await startServer(dbUrl, PORT + 1);
      try {
        const urls = [server.url, second.url];
        // Warm up the second instance's routes and pool.
        await load(50, 8, async () => {
          const r = await fetch(`${second.url}/api/v1/ports/bench-kiosk/roster`, { headers: { Cookie: officer } });
          await r.arrayBuffer();
          return r.status;
        });
        const healthBoth = await load(3000, 64, async (i) => {
          const r = await fetch(`${urls[i % 2]}/api/v1/health`);
          await r.arrayBuffer();
          return r.status;
        });
        const both = await load(perRun, 64, (i) => checkInAt(urls[i % 2]!, ids[perRun + i]!)());
        rows.push({
          figure: 'check-in, 64 kiosks, 2 instances',
          value: `${both.rps.toFixed(0)} req/s (${(both.rps / checkins.rps).toFixed(2)}x one instance), p50 ${ms(both.p50)}, p99 ${ms(both.p99)}, errors ${both.errors} (${JSON.stringify(both.statuses)})`,
          target: `>= 50% of health req/s (${((both.rps / healthBoth.rps) * 100).toFixed(0)}%), p99 < 100 ms, 0 errors`,
          floor: `health at 64 over both: ${healthBoth.rps.toFixed(0)} req/s, p50 ${ms(healthBoth.p50)}`,
        });
      } finally {
        await second.stop();
      }

      // First-load JavaScript of the roster page, from the browser's resource timings.
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      const context = await browser.newContext();
      const [name0, value0] = officer.split('; ').find((c) => c.startsWith('authjs.session-token'))!.split('=');
      await context.addCookies([{ name: name0!, value: value0!, url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/roster/bench-kiosk`, { waitUntil: 'networkidle' });
      const js = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.name.endsWith('.js') || e.initiatorType === 'script')
          .reduce((acc, e) => ({ transfer: acc.transfer + e.transferSize, decoded: acc.decoded + e.decodedBodySize }), { transfer: 0, decoded: 0 }),
      );
      await browser.close();
      rows.push({ figure: 'roster page first-load JS', value: `${(js.transfer / 1024).toFixed(0)} KiB transferred (gzip), ${(js.decoded / 1024).toFixed(0)} KiB decoded`, target: '<= 150 KiB gzipped' });
      rows.push({ figure: 'server RSS', value: `${restRss.toFixed(0)} MB at rest, ${peakRss.toFixed(0)} MB peak under 64 kiosks`, target: '< 300 MB' });

      printTable(`Kiosk benchmarks over ${generated.toLocaleString('en-US')} appointments`, rows);
      writeResults('roster', rows, { appointments: generated });
    } finally {
      await server.stop();
    }
  } finally {
    await raw.end();
    await handle.close();
    await dropTestDatabase(BASE, name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
