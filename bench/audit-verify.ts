/**
 * Benchmark: build N audit events (default 1,000,000) with correct hash chains over 7 ports and the
 * global chain in a throwaway PostgreSQL database, then time `npm run audit:verify` over them.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/audit-verify.ts [events]
 *
 * Not part of `npm test`. Prints the build time, the verify time and events per second (and a
 * progress line from the command). BENCH_KEEP_DATABASE=1 keeps the database for profiling.
 */
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { createTestDatabase, dropTestDatabase } from '@/lib/testing/postgres-database';
import { eventHmac, type HashableEvent } from '@/lib/audit/hash';
import { auditKeyring } from '@/lib/audit/keys';
import { verifyAuditChains } from '@/lib/audit/verify';
import { printTable, writeResults, type Figure } from './lib/report';

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const BATCH = 20_000;
const CHAINS = 8; // 7 ports + the global chain

process.env.AUDIT_HMAC_KEY ||= 'bench-audit-hmac-key-0123456789abcdef-not-secret';

async function main() {
  const key = auditKeyring().current;
  const base = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) throw new Error('Set TEST_DATABASE_URL to a PostgreSQL server (a throwaway database is created and dropped).');
  const { url, name } = await createTestDatabase(base, 'bench');
  console.log(`Throwaway database ${name}`);
  try {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const portIds: (number | null)[] = [];
    for (let i = 0; i < CHAINS - 1; i++) {
      const [row] = await sql<{ id: number }[]>`insert into ports (slug, name, state, time_zone, code) values (${`bench-${i}`}, ${`Bench ${i}`}, 'TX', 'America/Chicago', ${String(9000 + i)}) returning id`;
      portIds.push(row!.id);
    }
    portIds.push(null);

    // The event is signed over PostgreSQL's own text of the jsonb values, as the writer does (lib/audit/record.ts).
    const BEFORE = { status: 'checked_in', version: 2, outcome: null, arrivedAt: '2025-01-01T08:00:00.000Z', membersPresent: 3 };
    const AFTER = { status: 'processed', version: 3, outcome: { code: 'nta_parole', notes: null, interpreterLanguage: 'ht' }, arrivedAt: '2025-01-01T08:00:00.000Z', membersPresent: 3 };
    const [spelled] = await sql<{ before: string; after: string }[]>`select ${sql.json(BEFORE)}::jsonb::text as before, ${sql.json(AFTER)}::jsonb::text as after`;

    const buildStart = performance.now();
    const last = new Map<number | null, string | null>();
    const start = Date.UTC(2025, 0, 1);
    for (let offset = 0; offset < TOTAL; offset += BATCH) {
      const rows = [];
      for (let i = offset; i < Math.min(TOTAL, offset + BATCH); i++) {
        const portId = portIds[i % CHAINS]!;
        const event: HashableEvent = {
          id: i + 1,
          at: new Date(start + i * 1_000).toISOString(),
          actorId: null,
          actorRole: 'officer',
          actorLabel: null,
          portId,
          chain: 0,
          action: i % 3 === 0 ? 'appointment.checked_in' : i % 3 === 1 ? 'appointment.outcome_recorded' : 'appointment.corrected',
          targetType: 'appointment',
          targetId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          before: spelled!.before,
          after: spelled!.after,
          reason: i % 3 === 2 ? 'Paper file shows parole was granted.' : null,
          requestId: null,
          keyId: key.id,
          prevHash: last.get(portId) ?? null,
        };
        const hash = eventHmac(key.secret, event);
        last.set(portId, hash);
        rows.push({ ...event, before: BEFORE, after: AFTER, hash });
      }
      await sql`
        insert into audit_events (id, at, actor_id, actor_role, port_id, action, target_type, target_id, before, after, reason, request_id, key_id, prev_hash, hash)
        select (e.j->>'id')::bigint, (e.j->>'at')::timestamptz, (e.j->>'actorId')::uuid, (e.j->>'actorRole')::role, (e.j->>'portId')::int, e.j->>'action',
          e.j->>'targetType', e.j->>'targetId', e.j->'before', e.j->'after', e.j->>'reason', e.j->>'requestId', e.j->>'keyId', e.j->>'prevHash', e.j->>'hash'
        from jsonb_array_elements(${JSON.stringify(rows)}::text::jsonb) with ordinality as e(j, ord)
        order by ord`;
      if ((offset / BATCH) % 10 === 9) process.stdout.write(`  ${offset + BATCH} events written\n`);
    }
    await sql`select setval('audit_events_id_seq', ${TOTAL})`;
    // As a table that has been in use: hint bits set and statistics current, so the first timed pass does not pay for them.
    await sql`vacuum (analyze) audit_events`;
    await sql.end();
    console.log(`Built ${TOTAL} events in ${CHAINS} chains in ${((performance.now() - buildStart) / 1000).toFixed(1)} s`);

    // In-process: the library function alone.
    const handle = await openPostgres(url, { max: 1 });
    let inProcessSeconds = 0;
    try {
      const t0 = performance.now();
      const report = await verifyAuditChains(handle.db, { batchSize: 10_000 });
      const s = (performance.now() - t0) / 1000;
      if (!report.intact || report.eventsChecked !== TOTAL) throw new Error(`unexpected report: ${JSON.stringify(report.firstBreak)} ${report.eventsChecked}`);
      console.log(`verifyAuditChains: ${TOTAL} events in ${s.toFixed(2)} s = ${Math.round(TOTAL / s)} events/s`);
      inProcessSeconds = s;
    } finally {
      await handle.close();
    }

    // The command operators run.
    const t1 = performance.now();
    const cli = spawnSync('npm', ['run', '--silent', 'audit:verify'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const wall = (performance.now() - t1) / 1000;
    process.stdout.write(cli.stdout);
    process.stderr.write(cli.stderr);
    console.log(`npm run audit:verify: exit ${cli.status}, wall time ${wall.toFixed(2)} s (including tsx start-up) = ${Math.round(TOTAL / wall)} events/s`);
    const rows: Figure[] = [
      {
        figure: `npm run audit:verify, ${TOTAL.toLocaleString('en-US')} events`,
        value: `${wall.toFixed(1)} s (${Math.round(TOTAL / wall).toLocaleString('en-US')} events/s), exit ${cli.status}, ${cli.status === 0 ? 'intact' : 'NOT intact'}`,
        target: 'time and events per second, printed',
        floor: `the verifier alone in-process: ${inProcessSeconds.toFixed(1)} s (${Math.round(TOTAL / inProcessSeconds).toLocaleString('en-US')} events/s)`,
      },
    ];
    printTable('Audit verification', rows);
    writeResults('audit-verify', rows);
  } finally {
    // BENCH_KEEP_DATABASE=1 leaves it for profiling `npm run audit:verify` (drop it by hand afterwards).
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`Kept ${url}`);
    else await dropTestDatabase(base, name);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
