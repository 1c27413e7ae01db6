/**
 * Statistics at scale: 3.65 million appointments over 365 days x 7 ports in a throwaway
 * PostgreSQL database, the rollups filled by the rebuild command (timed), then every dashboard
 * read for the whole year and every port from the rollups (daily, summary with the previous
 * period, hourly, today), p50 and p99 over RUNS runs, next to the floor (the daily rollup
 * statement sent raw) and to the same figures by plain aggregation. Not part of `npm test`.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/stats.ts
 *
 * Options (environment): RUNS (30, rollup), PLAIN_RUNS (5: the plain aggregate takes seconds), PAGE_RUNS (3),
 * ROLLUP_ONLY=1 (skip the slow plain figures), PER_DAY (1429 per port and day), KEEP=1 keeps the database, BENCH_REUSE_URL=<url> measures a kept one.
 */
import postgres from 'postgres';
import { createTestDatabase, dropTestDatabase } from '@/lib/testing/postgres-database';
import { printTable, writeResults, type Figure } from './lib/report';
import { IDENTITY_KEY_VERSION } from '@/lib/identity/keys';

const BASE = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.RUNS ?? 30);
const PER_DAY = Number(process.env.PER_DAY ?? 1429);
const DAYS = 365;
const TO = '2026-11-24';
const FROM = '2025-11-25';

const PORTS = [
  ['b-san-ysidro', 'America/Los_Angeles', 300],
  ['b-calexico', 'America/Los_Angeles', 90],
  ['b-nogales', 'America/Phoenix', 90],
  ['b-el-paso', 'America/Denver', 220],
  ['b-eagle-pass', 'America/Chicago', 90],
  ['b-hidalgo', 'America/Chicago', 110],
  ['b-brownsville', 'America/Chicago', 100],
] as const;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

async function generate(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // A throwaway database: no foreign-key triggers and no secondary indexes while loading.
    await client.unsafe(`set synchronous_commit = off`);
    await client.unsafe(`set session_replication_role = replica`);
    await client.unsafe(`set maintenance_work_mem = '256MB'`);
    const ports = PORTS.map(([slug, tz], i) => `('${slug}', '${slug}', 'TX', '${tz}', '${9000 + i}', ${i})`).join(', ');
    await client.unsafe(`insert into ports (slug, name, state, time_zone, code, sort_order) values ${ports}`);
    const limits = PORTS.map(([slug, , limit]) => `('${slug}', ${limit})`).join(', ');
    await client.unsafe(`insert into weekday_limits (port_id, iso_weekday, daily_limit)
      select p.id, w, l.lim from (values ${limits}) l(slug, lim) join ports p on p.slug = l.slug cross join generate_series(1, 7) w`);
    await client.unsafe(`insert into outcome_codes (code, label_en, label_es, sort_order) values
      ('nta_parole', 'a', 'a', 1), ('nta_release', 'b', 'b', 2), ('er_credible_fear', 'c', 'c', 3),
      ('ice_custody', 'd', 'd', 4), ('withdrawal', 'e', 'e', 5), ('other', 'f', 'f', 6) on conflict do nothing`);
    const [user] = await client.unsafe(`insert into users (email, name, role, password_hash)
      values ('bench@example.gov', 'Bench', 'supervisor', 'x') returning id`);

    const started = process.hrtime.bigint();
    await client.unsafe('drop index appointments_port_date_time_idx');
    await client.unsafe('drop index appointments_date_idx');
    // r: a deterministic pseudo-random 0..99 per row decides the fate; times spread over the port-local day.
    await client.unsafe(`
      insert into appointments (confirmation_code, port_id, scheduled_at, service_date, family_name, given_name,
        date_of_birth, nationality, language, identity_key, search_key, identity_key_version, status, arrived_at, arrived_by, created_at)
      select 'B' || lpad(to_hex(g.n), 12, '0'), g.port_id, g.scheduled_at, g.day, 'Bench', 'Row', '1990-01-01', 'MX', 'es',
        -- lib/identity's keys of "Bench, Row" (plain ASCII); one synthetic person per row, so the key is made unique.
        'bench|row|1990-01-01|MX~' || g.n, 'row bench', ${IDENTITY_KEY_VERSION},
        (case when g.r < 2 then 'cancelled' when g.r < 13 then 'no_show' when g.r < 16 then 'late'
              when g.r < 99 then 'processed' else 'checked_in' end)::appointment_status,
        case when g.r < 13 then null when g.r < 16 then g.scheduled_at + interval '40 minutes'
             else g.scheduled_at + make_interval(mins => (g.r % 20) - 10) end,
        case when g.r < 13 then null else '${user!.id}'::uuid end,
        g.scheduled_at - interval '7 days'
      from (
        select row_number() over () as n, p.id as port_id, d.day,
          ((d.day + make_interval(mins => (i * 7) % 1440)) at time zone p.time_zone) as scheduled_at,
          ((i * 37 + p.id * 11 + (d.day - date '2025-01-01') * 13) % 100) as r
        from ports p
        cross join (select (date '${FROM}' + k)::date as day from generate_series(0, ${DAYS - 1}) k) d
        cross join generate_series(1, ${PER_DAY}) i
        where p.slug like 'b-%'
      ) g`);
    const appointmentsMs = ms(started);
    const outcomesStarted = process.hrtime.bigint();
    await client.unsafe(`
      insert into outcomes (appointment_id, code, recorded_at, recorded_by)
      select a.id, (array['nta_parole','nta_parole','nta_parole','nta_release','er_credible_fear','ice_custody','withdrawal','other'])[1 + (abs(hashtext(a.confirmation_code)) % 8)],
        a.arrived_at + make_interval(mins => 30 + abs(hashtext(a.confirmation_code)) % 210), a.arrived_by
      from appointments a where a.status = 'processed'`);
    const outcomesMs = ms(outcomesStarted);
    const indexStarted = process.hrtime.bigint();
    await client.unsafe('create index appointments_port_date_time_idx on appointments (port_id, service_date, scheduled_at)');
    await client.unsafe('create index appointments_date_idx on appointments (service_date)');
    const indexMs = ms(indexStarted);
    await client.unsafe('vacuum analyze appointments');
    await client.unsafe('vacuum analyze outcomes');
    const [{ n }] = (await client.unsafe('select count(*)::int as n from appointments')) as unknown as [{ n: number }];
    console.log(`generated ${n.toLocaleString('en-US')} appointments in ${(appointmentsMs / 1000).toFixed(1)} s, outcomes in ${(outcomesMs / 1000).toFixed(1)} s, indexes in ${(indexMs / 1000).toFixed(1)} s (total ${(ms(started) / 1000).toFixed(1)} s with vacuum analyze)`);
  } finally {
    await client.end();
  }
}

interface Timing {
  p50: number;
  p99: number;
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t = process.hrtime.bigint();
    await fn();
    if (i >= 2) times.push(ms(t)); // two warm-up runs
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const show = (t: Timing) => `p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`;

async function benchPorts() {
  const { resolveStatsPorts } = await import('@/lib/stats/queries');
  const admin = {
    userId: '00000000-0000-0000-0000-000000000000', sessionId: '', email: '', name: 'bench', role: 'admin' as const,
    portId: null, portSlug: null, locale: 'en' as const, mustChangePassword: false, requestId: null,
  };
  return (await resolveStatsPorts(admin, [])).filter((p) => p.slug.startsWith('b-'));
}

/** The daily read (function) and the same statement sent raw, for the rollup or the plain aggregate. */
async function measure(label: string, url: string, source: 'rollup' | 'plain', runs: number): Promise<{ fn: Timing; raw: Timing }> {
  const { getDb } = await import('@/lib/database');
  const { dailyStatsSql, readDailyStats } = await import('@/lib/stats/daily');
  const { dailyStatsPlainSql, readDailyStatsPlain } = await import('@/lib/stats/plain');
  const db = await getDb();
  const ports = await benchPorts();
  const at = new Date('2026-11-25T20:00:00Z');
  const fn = await time(runs, async () => {
    const { days } = await (source === 'rollup' ? readDailyStats : readDailyStatsPlain)(ports, FROM, TO, at);
    if (days.length !== DAYS * ports.length) throw new Error(`expected ${DAYS * ports.length} rows, got ${days.length}`);
  });
  const statement = (source === 'rollup' ? dailyStatsSql : dailyStatsPlainSql)(ports, FROM, TO, at);
  const { sql: text, params } = (db as unknown as { dialect: { sqlToQuery(q: unknown): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(statement);
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rawTiming = await time(runs, () => raw.unsafe(text, params as never[]));
    const plan = (await raw.unsafe(`explain (analyze) ${text}`, params as never[])) as unknown as { 'QUERY PLAN': string }[];
    const exec = plan.map((r) => r['QUERY PLAN']).find((l) => l.startsWith('Execution Time'));
    console.log(`${label}: GET /stats/daily function, 365 days x ${ports.length} ports, ${runs} runs: ${show(fn)}; raw SQL ${show(rawTiming)}; EXPLAIN ANALYZE ${exec}`);
    return { fn, raw: rawTiming };
  } finally {
    await raw.end();
  }
}

async function measurePageReads(runs: number, plainRuns: number | null) {
  const { readHourly, readToday } = await import('@/lib/stats/queries');
  const { readSummary } = await import('@/lib/stats/summary');
  const { readHourlyPlain, readSummaryPlain } = await import('@/lib/stats/plain');
  const ports = await benchPorts();
  const at = new Date('2026-11-25T20:00:00Z');
  const summary = await time(runs, () => readSummary(ports, FROM, TO, at));
  const hourly = await time(runs, () => readHourly(ports, FROM, TO));
  const today = await time(runs, () => readToday(ports, at));
  console.log(`page reads from the rollups, ${runs} runs: summary with previous period ${show(summary)}; hourly ${show(hourly)}; today ${show(today)}`);
  if (plainRuns === null) return { summary, hourly, today, plain: null };
  const plainSummary = await time(plainRuns, () => readSummaryPlain(ports, FROM, TO, at));
  const plainHourly = await time(plainRuns, () => readHourlyPlain(ports, FROM, TO));
  console.log(`the same by plain aggregation, ${plainRuns} runs: summary ${show(plainSummary)}; hourly ${show(plainHourly)}`);
  return { summary, hourly, today, plain: { summary: plainSummary, hourly: plainHourly } };
}

async function main() {
  process.env.DB_STATEMENT_TIMEOUT_MS = '300000';
  const reuse = process.env.BENCH_REUSE_URL;
  const created = reuse ? null : await createTestDatabase(BASE, 'bench');
  const url = reuse ?? created!.url;
  console.log(`database ${url}`);
  const plainRuns = Number(process.env.PLAIN_RUNS ?? 5);
  try {
    if (created) await generate(url);
    process.env.DATABASE_URL = url;
    process.env.DEMO_SEED = 'false';
    // createTestDatabase read the environment before DATABASE_URL pointed here.
    (await import('@/lib/env')).resetEnvCache();
    const { getDb } = await import('@/lib/database');
    const { rebuildStatsRollup } = await import('@/lib/stats/rollup');
    // The load above ran without triggers (session_replication_role = replica): fill the rollup by the rebuild command.
    const t = process.hrtime.bigint();
    const rebuilt = await rebuildStatsRollup(await getDb());
    console.log(`rollups rebuilt (${rebuilt.ports} ports, ${rebuilt.rows} rows) in ${(ms(t) / 1000).toFixed(1)} s`);
    const client = postgres(url, { max: 1, onnotice: () => {} });
    try {
      for (const table of ['stats_port_day', 'stats_port_day_hour', 'stats_port_day_pending', 'stats_port_day_outcome', 'stats_port_day_minutes']) {
        await client.unsafe(`vacuum analyze ${table}`);
      }
      await client.unsafe('drop index if exists appointments_stats_cover_idx');
    } finally {
      await client.end();
    }
    const rows: Figure[] = [];
    const report = () => {
      printTable(`Statistics over ${DAYS} days x ${PORTS.length} ports`, rows);
      writeResults('stats', rows);
    };
    const rollup = await measure('rollup', url, 'rollup', RUNS);
    const floor = `daily rollup read, raw SQL: ${show(rollup.raw)}`;
    const target = (t: Timing) => `p50 < 150 ms: ${t.p50 < 150 ? 'met' : 'MISSED'}`;
    rows.push({
      figure: `GET /stats/daily, ${DAYS} days x ${PORTS.length} ports (rollups kept by triggers)`,
      value: show(rollup.fn),
      target: target(rollup.fn),
      floor: `the same SQL sent raw: ${show(rollup.raw)}`,
    });
    const pages = await measurePageReads(RUNS, process.env.ROLLUP_ONLY ? null : plainRuns);
    rows.push({ figure: `dashboard summary with the previous period, ${DAYS} days x ${PORTS.length} ports (rollups, histogram percentiles)`, value: show(pages.summary), target: target(pages.summary), floor });
    rows.push({ figure: `dashboard arrivals by hour, ${DAYS} days x ${PORTS.length} ports (rollups)`, value: show(pages.hourly), target: target(pages.hourly), floor });
    rows.push({ figure: `dashboard today, ${PORTS.length} ports (rollups)`, value: show(pages.today), target: 'printed', floor });
    if (pages.plain) {
      rows.push({ figure: 'dashboard summary by plain aggregation over appointments', value: show(pages.plain.summary), target: 'for comparison' });
      rows.push({ figure: 'dashboard arrivals by hour by plain aggregation', value: show(pages.plain.hourly), target: 'for comparison' });
    }
    if (process.env.ROLLUP_ONLY) return report();
    const plain = await measure('plain aggregate, existing indexes', url, 'plain', plainRuns);
    rows.push({ figure: 'GET /stats/daily by plain aggregation over appointments', value: show(plain.fn), target: 'for comparison', floor: `raw SQL ${show(plain.raw)}` });
    report();
  } finally {
    const { closeDb } = await import('@/lib/database');
    await closeDb();
    if (created && !process.env.KEEP) await dropTestDatabase(BASE, created.name);
    else console.log(`kept ${url}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
