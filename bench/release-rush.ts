/**
 * The release rush: 10,000 booking requests from 200 concurrent clients against 1,000 posted slots
 * for one date, through a running `next start` (build once first: `npx next build`).
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres BENCH_PORT=3232 npx tsx bench/release-rush.ts
 *
 * Creates its own database (dropped at the end), starts its own server, and prints: elapsed seconds,
 * status counts, p50/p99, the SQL proof, and the floors measured in the same run: GET /api/v1/health
 * at 200 connections, and the same booking transaction called straight on PostgreSQL (no HTTP).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';
import { printTable, writeResults, type Figure } from './lib/report';

const BASE = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = Number(process.env.BENCH_PORT ?? 3232);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 1_000);

const dbName = `portroster_bench_${Date.now().toString(36)}`;
const dbUrl = (() => {
  const u = new URL(BASE);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: PORT, method, path, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function pool<T>(n: number, clients: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await request('GET', '/api/v1/ready')).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

function body(slug: string, scheduledAt: string, i: number, tag: string): string {
  return JSON.stringify({
    port: slug,
    scheduledAt,
    partySize: 1 + (i % 3),
    person: { familyName: `Rush${tag}${i}`, givenName: 'Persona', dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`, nationality: ['MX', 'HN', 'GT', 'VE', 'HT'][i % 5], language: 'es', documentNumber: `B${tag}${i}` },
  });
}

async function main() {
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATABASE_URL: dbUrl,
    PORT: String(PORT),
    AUTH_SECRET: 'bench-secret-0123456789-abcdefghijkl',
    AUTH_TRUST_HOST: 'true',
    INTAKE_RATE_LIMIT_PER_MINUTE: '10000000',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  let server: ChildProcess | undefined;
  const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  try {
    await run('npx', ['tsx', '--conditions=react-server', 'scripts/migrate.ts'], env);
    const secret = `bench_${randomBytes(16).toString('hex')}`;
    const { createHash } = await import('node:crypto');
    const [port] = await sql`insert into ports (slug, name, state, time_zone, code) values ('rush', 'Rush', 'CA', 'America/Los_Angeles', '9901') returning id`;
    const [port2] = await sql`insert into ports (slug, name, state, time_zone, code) values ('rush-direct', 'Rush direct', 'CA', 'America/Los_Angeles', '9902') returning id`;
    await sql`insert into national_cap (id, daily_cap) values (1, ${SLOTS * 3}) on conflict (id) do update set daily_cap = excluded.daily_cap`;
    const [key] = await sql`insert into intake_keys (name, key_hash, key_prefix) values ('bench', ${createHash('sha256').update(secret).digest('hex')}, ${secret.slice(0, 8)}) returning id, name`;
    const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await sql`insert into date_limit_overrides (port_id, service_date, daily_limit) values (${port!.id}, ${date}, ${SLOTS}), (${port2!.id}, ${date}, ${SLOTS})`;
    const scheduledAt = `${date}T17:00:00Z`;

    server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], { stdio: ['ignore', 'ignore', 'inherit'], env });
    await waitReady();
    // Warm-up: compile paths, open the pool.
    await pool(400, 50, () => request('GET', '/api/v1/health'));
    await pool(200, 50, (i) => request('POST', '/api/v1/intake/bookings', body('rush', '2000-01-01T00:00:00Z', i, 'warm'), { authorization: `Bearer ${secret}`, 'idempotency-key': `warm-${i}` }));

    // Floor 1: liveness at 200 connections.
    const h0 = performance.now();
    await pool(REQUESTS, CLIENTS, () => request('GET', '/api/v1/health'));
    const healthSeconds = (performance.now() - h0) / 1000;

    // The rush.
    const tag = randomBytes(3).toString('hex');
    const latencies: number[] = new Array(REQUESTS);
    const statuses: Record<string, number> = {};
    const t0 = performance.now();
    let created = 0;
    let soldOutAt = 0;
    await pool(REQUESTS, CLIENTS, async (i) => {
      const s = performance.now();
      const r = await request('POST', '/api/v1/intake/bookings', body('rush', scheduledAt, i, tag), { authorization: `Bearer ${secret}`, 'idempotency-key': `rush-${tag}-${i}` });
      latencies[i] = performance.now() - s;
      if (r.status === 201 && ++created === SLOTS) soldOutAt = performance.now();
      const k = r.status === 409 ? `409 ${(JSON.parse(r.body) as { error: { code: string } }).error.code}` : String(r.status);
      statuses[k] = (statuses[k] ?? 0) + 1;
    });
    const rushSeconds = (performance.now() - t0) / 1000;
    const fillSeconds = soldOutAt ? (soldOutAt - t0) / 1000 : rushSeconds;
    latencies.sort((a, b) => a - b);

    const [proof] = await sql`select
      (select count(*)::int from appointments where port_id = ${port!.id} and service_date = ${date} and status <> 'cancelled') as bookings,
      (select booked from daily_bookings where port_id = ${port!.id} and service_date = ${date}) as counter,
      (select daily_limit from date_limit_overrides where port_id = ${port!.id} and service_date = ${date}) as "limit",
      (select count(*)::int from (select port_id, service_date, count(*) n from appointments where status <> 'cancelled' group by 1, 2) c
         join daily_bookings d using (port_id, service_date) where c.n <> d.booked) as counters_off,
      (select count(*)::int from audit_events where action = 'appointment.book' and port_id = ${port!.id}) as audit_events`;
    server.kill('SIGTERM');
    server = undefined;

    // Floor 2: the same booking transaction, straight on PostgreSQL (in-process lib call, pool of 20).
    process.env.DATABASE_URL = dbUrl;
    process.env.INTAKE_RATE_LIMIT_PER_MINUTE = '10000000';
    const { bookAppointment } = await import('@/lib/intake/book');
    const { closeDb } = await import('@/lib/database');
    const keyActor = { keyId: key!.id as string, name: key!.name as string };
    const d0 = performance.now();
    const direct: Record<string, number> = {};
    await pool(REQUESTS, CLIENTS, async (i) => {
      let k: string;
      try {
        k = String((await bookAppointment(keyActor, { idempotencyKey: `direct-${i}`, body: JSON.parse(body('rush-direct', scheduledAt, i, `d${tag}`)) })).status);
      } catch (e) {
        k = (e as { code?: string }).code ?? 'error';
      }
      direct[k] = (direct[k] ?? 0) + 1;
    });
    const directSeconds = (performance.now() - d0) / 1000;
    await closeDb();

    const healthRps = REQUESTS / healthSeconds;
    const rushRps = REQUESTS / rushSeconds;
    console.log(
      JSON.stringify(
        {
          rush: {
            requests: REQUESTS,
            clients: CLIENTS,
            slots: SLOTS,
            elapsedSeconds: +rushSeconds.toFixed(2),
            requestsPerSecond: Math.round(rushRps),
            secondsUntilSoldOut: +fillSeconds.toFixed(2),
            secondsAfterSoldOut: +(rushSeconds - fillSeconds).toFixed(2),
            statuses,
            p50ms: +pct(latencies, 50).toFixed(1),
            p99ms: +pct(latencies, 99).toFixed(1),
            maxMs: +latencies[latencies.length - 1]!.toFixed(1),
          },
          sqlProof: { ...proof, overLimit: (proof!.bookings as number) > (proof!.limit as number) },
          floors: {
            healthAt200Connections: { elapsedSeconds: +healthSeconds.toFixed(2), requestsPerSecond: Math.round(healthRps) },
            bookingVsHealth: +(rushRps / healthRps).toFixed(2),
            sameTransactionStraightOnPostgres: { elapsedSeconds: +directSeconds.toFixed(2), requestsPerSecond: Math.round(REQUESTS / directSeconds), outcomes: direct },
          },
        },
        null,
        2,
      ),
    );
    const count = (predicate: (status: string) => boolean) => Object.entries(statuses).reduce((n, [k, v]) => n + (predicate(k) ? v : 0), 0);
    const booked = count((k) => k === '201');
    const full = count((k) => k.startsWith('409'));
    const failed = count((k) => k.startsWith('5') || k === 'error');
    const p99 = pct(latencies, 99);
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const rows: Figure[] = [
      {
        figure: `release rush: ${REQUESTS.toLocaleString('en-US')} bookings, ${CLIENTS} clients, ${SLOTS.toLocaleString('en-US')} slots`,
        value: `${booked} x 201, ${full} x 409, ${failed} x 5xx; ${rushSeconds.toFixed(1)} s (${Math.round(rushRps)} req/s, sold out after ${fillSeconds.toFixed(1)} s), p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
        target: `exactly ${SLOTS} x 201 and ${REQUESTS - SLOTS} x 409, 0 x 5xx: ${met(booked === SLOTS && full === REQUESTS - SLOTS && failed === 0)}; >= 2/3 of health req/s (${Math.round((rushRps / healthRps) * 100)}%): ${met(rushRps >= (2 / 3) * healthRps)}; p99 < 500 ms: ${met(p99 < 500)}`,
        floor: `health at ${CLIENTS} connections ${Math.round(healthRps)} req/s; the same transaction straight on PostgreSQL ${directSeconds.toFixed(1)} s (${Math.round(REQUESTS / directSeconds)} req/s)`,
      },
      {
        figure: 'release rush, SQL proof',
        value: `bookings ${proof!.bookings}, counter ${proof!.counter}, limit ${proof!.limit}, counters off ${proof!.counters_off}, audit events ${proof!.audit_events}`,
        target: `bookings = counter = audit events = limit, none over: ${met(proof!.bookings === SLOTS && proof!.counter === SLOTS && proof!.audit_events === SLOTS && proof!.counters_off === 0)}`,
      },
    ];
    printTable('Release rush', rows);
    writeResults('release-rush', rows);
  } finally {
    server?.kill('SIGTERM');
    await sql.end();
    agent.destroy();
    const cleanup = postgres(BASE, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists "${dbName}" with (force)`);
    await cleanup.end();
  }
}

await main();
