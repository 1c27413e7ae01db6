/**
 * Kiosk benchmarks (issue 3): roster API at 150 and 1,000 rows, check-in with 64 kiosks,
 * first-load JavaScript of the roster page, server memory. Each figure is printed with its
 * floors measured in the same run: GET /api/v1/health and the same SQL straight on PostgreSQL.
 * Needs a built app (`npm run build`) and PostgreSQL (TEST_DATABASE_URL or DATABASE_URL).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { signInCookie, startBalancer, startServer } from './lib/server';
import { cpuSnapshot, describeCpu } from './lib/cpu-share';
import { soak } from './lib/soak';
import { ensureFloorBuilt, startFloor } from './lib/floor';
import { startWireCounter } from './lib/pg-wire-counter';
import { describePerRequest, perRequest, printTexts, type PerRequest } from './lib/round-trips';
import { describeWaits, sampleWaits } from './lib/db-waits';
import { largestProfile, printProfile, summarise } from './lib/cpu-profile';
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
/** Ports this bench uses: PORT (app), +1 (second app), +2 (floor app), +3/+4 (app and floor on the wire counter), +5 (counter), +6 (profiled app), +7 (load balancer). */
const FLOOR_PORT = PORT + 2;
const COUNTED_PORT = PORT + 3;
const COUNTED_FLOOR_PORT = PORT + 4;
const COUNTER_PORT = PORT + 5;
const PROFILED_PORT = PORT + 6;
const LB_PORT = PORT + 7;
/** BENCH_SOAK_S: seconds of the memory soak (0: none). */
const SOAK_S = Number(process.env.BENCH_SOAK_S ?? 0);
/** Check-in pools of distinct people: one instance, two instances, the floor, the profile, the wire count. */
const KIOSK_POOLS = 5;
const KIOSK_APPOINTMENTS = 12_000;
const INTAKE_SECRET = `bench_${randomBytes(16).toString('hex')}`;

const TARGET_ROUND_TRIPS: Record<string, string> = {
  'roster read, 150 rows': '<= 2 round trips',
  'check-in': '<= 4 round trips, one transaction',
  'booking (intake API)': '<= 4 round trips',
};

/** Names take letters only: 0 -> 'a', 27 -> 'bb'. */
const letters = (n: number) => 'abcdefghijklmnopqrstuvwxyz'[n % 26]!.repeat(1 + Math.floor(n / 26));

const loadavg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build');
  ensureFloorBuilt();
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
          'Benchmark p${port.id} ' || g, 'Persona', '1990-01-01', 'MX', 'es',
          ${ASCII_KEYS(`'Benchmark p${port.id} ' || g`)} from generate_series(1, ${n}) g`);
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
        'Kiosk ' || g, 'Persona', '1990-01-01', 'MX', 'es', ${ASCII_KEYS("'Kiosk ' || g")} from generate_series(1, ${KIOSK_APPOINTMENTS}) g`);
    await handle.db.insert(users).values({ email: 'bench.officer@example.gov', name: 'Bench Officer', role: 'officer', portId: kioskPort!.id, passwordHash: await hashPassword(PASSWORD) });
    // An intake key and room to book at the kiosk port a few days ahead, for the booking round-trip count.
    await raw`insert into intake_keys (name, key_hash, key_prefix) values ('bench', ${createHash('sha256').update(INTAKE_SECRET).digest('hex')}, ${INTAKE_SECRET.slice(0, 8)})`;
    const bookingDate = addDays(kioskToday, 3);
    await raw`insert into national_cap (id, daily_cap) values (1, 1000000) on conflict (id) do update set daily_cap = excluded.daily_cap`;
    await raw`insert into date_limit_overrides (port_id, service_date, daily_limit) values (${kioskPort!.id}, ${bookingDate}, 100000)`;
    await raw.unsafe('analyze');

    const server = await startServer(dbUrl, PORT);
    const floor = await startFloor(dbUrl, FLOOR_PORT);
    try {
      const rows: Figure[] = [];
      // Printed as they come, so a late failure does not lose the figures measured before it.
      const push = (row: Figure) => {
        rows.push(row);
        console.log(`figure: ${row.figure} | ${row.value} | ${row.target ?? ''} | ${row.floor ?? ''}`);
      };
      const extra: Record<string, unknown> = { appointments: generated, days: DAYS, loadAverage: loadavg() };
      const cookie = await signInCookie(server.url, 'supervisor@example.gov', PASSWORD);
      const get = (path: string, headers: Record<string, string> = {}) => async () => {
        const r = await fetch(path.startsWith('http') ? path : `${server.url}${path}`, { headers });
        await r.arrayBuffer();
        return r.status;
      };
      // Warm up the routes and the database cache.
      await load(200, 8, get('/api/v1/health'));
      await load(200, 8, get(`${floor.url}/api/health`));
      await load(100, 8, get(`/api/v1/ports/san-ysidro/roster?date=${benchDate}`, { Cookie: cookie }));
      await load(100, 8, get(`${floor.url}/api/roster?port=san-ysidro&date=${benchDate}`));
      const restRss = server.rssMb();

      for (const [port, n] of [[ng!, 150], [sy!, 1000]] as const) {
        const statement = rosterJsonSql(port.slug, benchDate, {}, now());
        for (const c of [1, 16, 64]) {
          const total = c === 1 ? 200 : 1000;
          const health = await load(total, c, get('/api/v1/health'));
          const floorHealth = await load(total, c, get(`${floor.url}/api/health`));
          const rawSql = await load(total, Math.min(c, 4), async () => {
            await queryRows(handle.db, statement);
            return 200;
          });
          const floorRoster = await load(total, c, get(`${floor.url}/api/roster?port=${port.slug}&date=${benchDate}`));
          const api = await load(total, c, get(`/api/v1/ports/${port.slug}/roster?date=${benchDate}`, { Cookie: cookie }));
          const target = 2 * (health.p50 + rawSql.p50);
          push({
            figure: `roster ${n} rows, ${c} clients`,
            value: `${api.rps.toFixed(0)} req/s, p50 ${ms(api.p50)}, p99 ${ms(api.p99)}, errors ${api.errors}`,
            target: `p50 <= ${ms(target)} (2x floors) ${api.p50 <= target ? 'met' : 'MISSED'}`,
            floor: `health p50 ${ms(health.p50)} (${health.rps.toFixed(0)} req/s), SQL p50 ${ms(rawSql.p50)}; floor app: health p50 ${ms(floorHealth.p50)} (${floorHealth.rps.toFixed(0)} req/s), Drizzle roster ${floorRoster.rps.toFixed(0)} req/s p50 ${ms(floorRoster.p50)}`,
          });
        }
      }

      // 64 kiosks checking in distinct people: first against one instance, then spread over two
      // instances on the same database (one `next start` keeps about one core busy; the second core is otherwise idle).
      const officer = await signInCookie(server.url, 'bench.officer@example.gov', PASSWORD);
      const ids = (await raw.unsafe(`select id from appointments where port_id = ${kioskPort!.id} order by random()`)).map((r) => r.id as string);
      const perPool = Math.floor(ids.length / KIOSK_POOLS);
      const pool = (k: number) => ids.slice(k * perPool, (k + 1) * perPool);
      const [pool1, pool2, poolFloor, poolProfile, poolCount] = [0, 1, 2, 3, 4].map(pool) as [string[], string[], string[], string[], string[]];
      // The kiosk's body: a fresh idempotency key per tap (components/roster/kiosk/use-arrival-actions.ts).
      const checkInAt = (baseUrl: string, id: string) => async () => {
        const r = await fetch(`${baseUrl}/api/v1/appointments/${id}/check-in`, {
          method: 'POST',
          headers: { Cookie: officer, Origin: baseUrl, 'Content-Type': 'application/json' },
          body: JSON.stringify({ idempotencyKey: randomUUID() }),
        });
        await r.arrayBuffer();
        return r.status;
      };
      const floorCheckIn = (baseUrl: string, id: string) => async () => {
        const r = await fetch(`${baseUrl}/api/check-in/${id}`, { method: 'POST' });
        await r.arrayBuffer();
        return r.status;
      };
      const health64 = await load(3000, 64, get('/api/v1/health'));
      const floorHealth64 = await load(3000, 64, get(`${floor.url}/api/health`));
      const floorCheckins = await load(perPool, 64, (i) => floorCheckIn(floor.url, poolFloor[i]!)());
      // The floor's pool would otherwise hold 30 of the shared server's 100 connections through the rest.
      await floor.stop();
      let peakRss = 0;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, server.rssMb())), 200);
      const waits = sampleWaits(raw, name);
      const checkins = await load(perPool, 64, (i) => checkInAt(server.url, pool1[i]!)());
      const waited = await waits.stop();
      clearInterval(sampler);
      const ratio = checkins.rps / health64.rps;
      push({
        figure: 'check-in, 64 kiosks, 1 instance',
        value: `${checkins.rps.toFixed(0)} req/s, p50 ${ms(checkins.p50)}, p99 ${ms(checkins.p99)}, errors ${checkins.errors} (${JSON.stringify(checkins.statuses)})`,
        target: `>= 50% of health req/s (${(ratio * 100).toFixed(0)}%), p99 < 100 ms, 0 errors`,
        floor: `health at 64: ${health64.rps.toFixed(0)} req/s, p50 ${ms(health64.p50)}; floor app: health ${floorHealth64.rps.toFixed(0)} req/s, Drizzle check-in ${floorCheckins.rps.toFixed(0)} req/s p50 ${ms(floorCheckins.p50)} p99 ${ms(floorCheckins.p99)}`,
      });
      push({ figure: 'check-in, 64 kiosks: database waits', value: describeWaits(waited) });
      extra.checkInWaits = waited;

      // Two instances on one database behind a real load balancer (a process of its own), against one
      // instance behind the same balancer, with where the two cores went in each.
      const second = await startServer(dbUrl, PORT + 1);
      const poolLb1 = poolCount.slice(100);
      try {
        // Warm up the second instance's routes and pool.
        await load(50, 8, async () => {
          const r = await fetch(`${second.url}/api/v1/ports/bench-kiosk/roster?date=${benchDate}`, { headers: { Cookie: officer } });
          await r.arrayBuffer();
          return r.status;
        });
        const runBehind = async (targets: string[], ids: string[]) => {
          const lb = await startBalancer(LB_PORT, targets);
          try {
            const health = await load(3000, 64, get(`${lb.url}/api/v1/health`));
            const before = cpuSnapshot([server.process.pid!, second.process.pid!, lb.pid]);
            const result = await load(ids.length, 64, (i) => checkInAt(lb.url, ids[i]!)());
            return { health, result, cpu: describeCpu(before, cpuSnapshot([server.process.pid!, second.process.pid!, lb.pid])) };
          } finally {
            await lb.stop();
          }
        };
        const one = await runBehind([server.url], poolLb1);
        const both = await runBehind([server.url, second.url], pool2);
        const describe = (r: Awaited<ReturnType<typeof runBehind>>) =>
          `${r.result.rps.toFixed(0)} req/s, p50 ${ms(r.result.p50)}, p99 ${ms(r.result.p99)}, errors ${r.result.errors} (${JSON.stringify(r.result.statuses)}); ${r.cpu}`;
        push({
          figure: 'check-in, 64 kiosks, 1 instance behind the balancer',
          value: describe(one),
          floor: `health at 64 through the balancer: ${one.health.rps.toFixed(0)} req/s, p50 ${ms(one.health.p50)}`,
        });
        push({
          figure: 'check-in, 64 kiosks, 2 instances behind the balancer',
          value: `${describe(both)}; ${(both.result.rps / one.result.rps).toFixed(2)}x one instance`,
          target: `>= 1.3x one instance (${(both.result.rps / one.result.rps).toFixed(2)}x), p99 < 100 ms, 0 errors`,
          floor: `health at 64 through the balancer over both: ${both.health.rps.toFixed(0)} req/s (${(both.health.rps / one.health.rps).toFixed(2)}x one)`,
        });
      } finally {
        await second.stop();
      }

      // Memory under a long load: 64 kiosks reading the 150-row roster for BENCH_SOAK_S seconds.
      if (SOAK_S > 0) {
        const soaked = await soak(SOAK_S, 64, get(`/api/v1/ports/nogales/roster?date=${benchDate}`, { Cookie: cookie }), () => server.rssMb());
        push({
          figure: `soak: ${SOAK_S} s at 64 clients (roster 150 rows)`,
          value: `${soaked.requests} requests, ${soaked.errors} errors; RSS ${soaked.samples.map((x) => x.rssMb.toFixed(0)).join(' ')} MB every 10 s; slope ${soaked.slopeMbPerMin.toFixed(2)} MB/min`,
          target: 'no growth trend (slope ~ 0), RSS < 300 MB',
        });
        extra.soak = soaked;
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
      push({ figure: 'roster page first-load JS', value: `${(js.transfer / 1024).toFixed(0)} KiB transferred (gzip), ${(js.decoded / 1024).toFixed(0)} KiB decoded`, target: '<= 150 KiB gzipped' });
      push({ figure: 'server RSS', value: `${restRss.toFixed(0)} MB at rest, ${peakRss.toFixed(0)} MB peak under 64 kiosks`, target: '< 300 MB' });

      // Where the CPU goes under the 64-kiosk check-in load: a profiled instance of its own.
      const profileDir = path.join('bench', 'results', 'cpu-profile.tmp');
      rmSync(profileDir, { recursive: true, force: true });
      mkdirSync(profileDir, { recursive: true });
      const profiled = await startServer(dbUrl, PROFILED_PORT, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] });
      let profiledLoad;
      try {
        const profiledOfficer = await signInCookie(profiled.url, 'bench.officer@example.gov', PASSWORD);
        await load(100, 8, get(`${profiled.url}/api/v1/health`));
        profiledLoad = await load(perPool, 64, async (i) => {
          const r = await fetch(`${profiled.url}/api/v1/appointments/${poolProfile[i]!}/check-in`, {
            method: 'POST',
            headers: { Cookie: profiledOfficer, Origin: profiled.url, 'Content-Type': 'application/json' },
            body: JSON.stringify({ idempotencyKey: randomUUID() }),
          });
          await r.arrayBuffer();
          return r.status;
        });
      } finally {
        await profiled.stop();
      }
      const profile = summarise(largestProfile(profileDir));
      printProfile(`CPU profile, ${perPool} check-ins at 64 kiosks (${profiledLoad.rps.toFixed(0)} req/s under the profiler)`, profile);
      extra.cpuProfile = { requests: perPool, rps: profiledLoad.rps, ...profile };

      // Statements and round trips per request, counted on the wire, one request at a time.
      const counter = await startWireCounter(dbUrl, COUNTER_PORT);
      const counted = await startServer(counter.url, COUNTED_PORT, { env: { INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' } });
      const countedFloor = await startFloor(counter.url, COUNTED_FLOOR_PORT);
      try {
        const n = 20;
        const book = (i: number) => async () => {
          const r = await fetch(`${counted.url}/api/v1/intake/bookings`, {
            method: 'POST',
            headers: { authorization: `Bearer ${INTAKE_SECRET}`, 'idempotency-key': `count-${i}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              port: 'bench-kiosk',
              scheduledAt: portLocalInstant(bookingDate, 600, kioskZone).toISOString(),
              partySize: 1,
              person: { familyName: `Count ${letters(i + 1)}`, givenName: 'Persona', dateOfBirth: '1980-02-03', nationality: 'MX', language: 'es', documentNumber: `C${i + 1}` },
            }),
          });
          const text = await r.text();
          if (r.status >= 400 && i === 0) console.log(`booking answered ${r.status}: ${text.slice(0, 300)}`);
          return r.status;
        };
        const measured: Record<string, PerRequest> = {
          'health (no database)': await perRequest(counter, n, () => get(`${counted.url}/api/v1/health`)()),
          'roster read, 150 rows': await perRequest(counter, n, () => get(`${counted.url}/api/v1/ports/nogales/roster?date=${benchDate}`, { Cookie: cookie })()),
          'check-in': await perRequest(counter, n, (i) => checkInAt(counted.url, poolCount[i + 1]!)()),
          'booking (intake API)': await perRequest(counter, n, (i) => book(i)()),
          'floor app: roster read, 150 rows': await perRequest(counter, n, () => get(`${countedFloor.url}/api/roster?port=nogales&date=${benchDate}`)()),
          'floor app: check-in': await perRequest(counter, n, (i) => floorCheckIn(countedFloor.url, poolCount[n + 2 + i]!)()),
        };
        for (const [label, p] of Object.entries(measured)) {
          printTexts(label, p);
          push({ figure: `round trips: ${label}`, value: describePerRequest(p), target: TARGET_ROUND_TRIPS[label] });
        }
        extra.perRequest = measured;
      } finally {
        await countedFloor.stop();
        await counted.stop();
        await counter.close();
      }

      printTable(`Kiosk benchmarks over ${generated.toLocaleString('en-US')} appointments (BENCH_DAYS ${DAYS}, load average ${loadavg()})`, rows);
      writeResults('roster', rows, extra);
    } finally {
      await floor.stop();
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
