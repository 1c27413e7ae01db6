/**
 * Live events (issue 18, item 2): two app instances on one database.
 *  - push latency: 50 check-ins through instance A, each timed from the request until the change
 *    event arrives on a stream opened on instance B (p50, p95, max);
 *  - at rest with N kiosks (default 64) holding a stream on B: HTTP requests per second the server
 *    receives (0: the stream is one long response), heartbeats per second on the wire, and database
 *    transactions per second (probe, heartbeat session checks, lease renewals), against the old
 *    polling's N / 2.5 s requests per second (each a 192-row roster read).
 * Needs a built app (`npm run build`) and PostgreSQL (TEST_DATABASE_URL or DATABASE_URL).
 */
import { existsSync } from 'node:fs';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { ports as portsTable, users } from '@/db/schema';
import { createTestDatabase, dropTestDatabase } from '@/lib/testing/postgres-database';
import { hashPassword } from '@/lib/auth/password';
import { IDENTITY_KEY_VERSION } from '@/lib/identity/keys';
import { STREAMS_PER_SESSION } from '@/lib/live/leases';
import { HEARTBEAT_MS } from '@/lib/live/stream';
import { portLocalInstant, portToday, now } from '@/lib/time';
import { percentile, ms } from './lib/stats';
import { machine, printTable, writeResults, type Figure } from './lib/report';
import { signInCookie, startServer } from './lib/server';

const BASE = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT_A = Number(process.env.BENCH_PORT ?? 3330);
const PORT_B = PORT_A + 2;
const CHANGES = 50;
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 64);
const REST_S = Number(process.env.BENCH_REST_S ?? 30);
const OLD_POLL_MS = 2500;
const PASSWORD = 'bench-password-123';

interface Stream {
  frames: string[];
  waitFor(match: (frame: string) => boolean, ms: number): Promise<string | null>;
  close(): void;
}

/** A stream read with fetch, as EventSource would (one long response, frames split on blank lines). */
async function openStream(url: string, cookie: string): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', Cookie: cookie }, signal: abort.signal });
  if (response.status !== 200) throw new Error(`stream refused: ${response.status} ${await response.text()}`);
  const frames: string[] = [];
  const waiters = new Set<{ match: (f: string) => boolean; resolve: (f: string | null) => void }>();
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parts = buffer.split('\n\n');
        buffer = parts.pop()!;
        for (const frame of parts) {
          frames.push(frame);
          for (const w of waiters) {
            if (!w.match(frame)) continue;
            waiters.delete(w);
            w.resolve(frame);
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    frames,
    waitFor: (match, timeout) =>
      new Promise((resolve) => {
        const w = { match, resolve };
        waiters.add(w);
        setTimeout(() => (waiters.delete(w), resolve(null)), timeout);
      }),
    close: () => abort.abort(),
  };
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) throw new Error('Build the app first: npm run build');
  console.log(`Machine: ${machine()}`);
  const { url: dbUrl, name } = await createTestDatabase(BASE, 'bench');
  const handle = await openPostgres(dbUrl, { max: 2 });
  const raw = postgres(dbUrl, { max: 1, onnotice: () => {} });
  const servers: Array<{ stop(): Promise<void> }> = [];
  try {
    // A port whose local time is mid-day, with CHANGES appointments due in an hour (on time).
    const zone = ['America/Los_Angeles', 'America/Chicago', 'Asia/Tokyo', 'Europe/Paris', 'Pacific/Auckland'].find((tz) => {
      const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(now()));
      return h >= 4 && h <= 18;
    })!;
    const [port] = await handle.db.insert(portsTable).values({ slug: 'bench-live', name: 'Bench live', state: 'CA', timeZone: zone, code: '9998' }).returning();
    const today = portToday(zone);
    const startMinute = Math.floor((Date.now() - portLocalInstant(today, 0, zone).getTime()) / 60_000) + 60;
    await raw.unsafe(`insert into appointments (confirmation_code, port_id, scheduled_at, service_date, family_name, given_name, date_of_birth, nationality, language,
        identity_key, search_key, identity_key_version)
      select 'L' || upper(lpad(to_hex(g), 7, '0')), ${port!.id},
        ('${today}'::timestamp + make_interval(mins => ${startMinute} + g)) at time zone '${zone}', '${today}',
        'Live ' || g, 'Persona', '1990-01-01', 'MX', 'es', 'live' || g || '|persona|1990-01-01|MX', 'persona live' || g, ${IDENTITY_KEY_VERSION}
      from generate_series(1, ${CHANGES}) g`);
    const sessionsNeeded = Math.ceil(KIOSKS / STREAMS_PER_SESSION) + 2;
    const passwordHash = await hashPassword(PASSWORD);
    await handle.db
      .insert(users)
      .values(Array.from({ length: sessionsNeeded }, (_, i) => ({ email: `bench.live.${i}@example.gov`, name: `Bench Live ${i}`, role: 'officer' as const, portId: port!.id, passwordHash })));
    const ids = (await raw`select id from appointments where port_id = ${port!.id} order by scheduled_at`).map((r) => r.id as string);

    const a = await startServer(dbUrl, PORT_A);
    servers.push(a);
    const b = await startServer(dbUrl, PORT_B);
    servers.push(b);
    const events = `/api/v1/ports/bench-live/events`;
    const rows: Figure[] = [];

    // 1. Push latency, instance A to a stream on instance B.
    const writer = await signInCookie(a.url, 'bench.live.0@example.gov', PASSWORD);
    const watcher = await openStream(`${b.url}${events}`, await signInCookie(b.url, 'bench.live.1@example.gov', PASSWORD));
    await watcher.waitFor((f) => f.includes('event: ready'), 5_000);
    const latencies: number[] = [];
    let missed = 0;
    for (const id of ids) {
      const t0 = performance.now();
      const heard = watcher.waitFor((f) => f.includes('event: change') && f.includes(id), 5_000);
      const r = await fetch(`${a.url}/api/v1/appointments/${id}/check-in`, { method: 'POST', headers: { Cookie: writer, Origin: a.url, 'Content-Type': 'application/json' }, body: '{}' });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`check-in ${r.status}`);
      if (await heard) latencies.push(performance.now() - t0);
      else missed++;
    }
    watcher.close();
    latencies.sort((x, y) => x - y);
    rows.push({
      figure: `check-in on A until its event on B (${latencies.length} of ${ids.length} heard)`,
      value: `p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1) ?? NaN)}${missed ? `, ${missed} missed` : ''}`,
      target: `p95 <= 1000 ms ${percentile(latencies, 95) <= 1000 && missed === 0 ? 'met' : 'MISSED'}`,
      floor: 'includes the check-in request itself',
    });

    // 2. At rest: KIOSKS streams on B (STREAMS_PER_SESSION per session).
    const cookies: string[] = [];
    for (let i = 0; i < Math.ceil(KIOSKS / STREAMS_PER_SESSION); i++) cookies.push(await signInCookie(b.url, `bench.live.${i + 2}@example.gov`, PASSWORD));
    const kiosks: Stream[] = [];
    for (let i = 0; i < KIOSKS; i++) kiosks.push(await openStream(`${b.url}${events}`, cookies[Math.floor(i / STREAMS_PER_SESSION)]!));
    await new Promise((r) => setTimeout(r, 2_000));
    const heartbeats = () => kiosks.reduce((n, k) => n + k.frames.filter((f) => f === ': heartbeat').length, 0);
    const commits = async () => Number((await raw`select xact_commit from pg_stat_database where datname = current_database()`)[0]!.xact_commit);
    const hb0 = heartbeats();
    const c0 = await commits();
    await new Promise((r) => setTimeout(r, REST_S * 1000));
    const hb1 = heartbeats();
    const c1 = await commits();
    for (const k of kiosks) k.close();
    const heartbeatRate = (hb1 - hb0) / REST_S;
    const dbRate = (c1 - c0) / REST_S;
    rows.push({
      figure: `${KIOSKS} kiosks at rest: HTTP requests to the server`,
      value: '0 req/s (each kiosk holds one open response)',
      target: `old polling: ${((KIOSKS * 1000) / OLD_POLL_MS).toFixed(1)} req/s of roster reads`,
    });
    rows.push({
      figure: `${KIOSKS} kiosks at rest: heartbeats on the wire`,
      value: `${heartbeatRate.toFixed(1)} /s (${KIOSKS} / ${HEARTBEAT_MS / 1000} s = ${((KIOSKS * 1000) / HEARTBEAT_MS).toFixed(1)})`,
    });
    rows.push({
      figure: `${KIOSKS} kiosks at rest: database transactions`,
      value: `${dbRate.toFixed(1)} /s (lease renewal and session check per heartbeat, the listener's probe)`,
      target: `old polling: ${((KIOSKS * 1000) / OLD_POLL_MS).toFixed(1)} /s (a session read and a roster read each)`,
    });
    printTable('live events', rows);
    writeResults('live-events', rows);
  } finally {
    for (const s of servers) await s.stop().catch(() => undefined);
    await raw.end();
    await handle.close();
    await dropTestDatabase(BASE, name);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
