/**
 * The statistics rollups (db/schema/stats.ts) are kept by row-level triggers in the same
 * transaction as each write. These functions recount them from the appointments and check them;
 * the recount itself is one SQL function (stats_rollup_rebuild, migration 0010) so the first fill,
 * the rebuild and the check share one definition.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';

/** Every rollup table with its key columns and counter columns (rows whose counters are all 0 are equivalent to no row). */
export const ROLLUP_TABLES = {
  stats_port_day: { key: ['port_id', 'service_date'], counters: ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'cancelled'] },
  stats_port_day_hour: { key: ['port_id', 'service_date', 'hour'], counters: ['scheduled', 'arrived'] },
  stats_port_day_pending: { key: ['port_id', 'service_date', 'scheduled_at'], counters: ['n'] },
  stats_port_day_outcome: { key: ['port_id', 'service_date', 'code'], counters: ['n'] },
  stats_port_day_minutes: { key: ['port_id', 'service_date', 'minute'], counters: ['n'] },
} as const;
type RollupTable = keyof typeof ROLLUP_TABLES;

/** One line per non-empty rollup row, "table|key…|counter…", sorted: two snapshots compare with toEqual. */
export async function rollupSnapshot(db: DbOrTx, portId?: number): Promise<string[]> {
  const lines: string[] = [];
  for (const [table, { key, counters }] of Object.entries(ROLLUP_TABLES) as [RollupTable, (typeof ROLLUP_TABLES)[RollupTable]][]) {
    const cols = [...key, ...counters].map((c) => (c === 'scheduled_at' ? `to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')` : `${c}::text`));
    const nonZero = counters.map((c) => `${c} <> 0`).join(' or ');
    const where = portId === undefined ? sql`` : sql` and port_id = ${portId}`;
    const rows = await queryRows<{ line: string }>(
      db,
      sql`select ${sql.raw(`'${table}|' || concat_ws('|', ${cols.join(', ')})`)} as line from ${sql.raw(table)} where (${sql.raw(nonZero)})${where}`,
    );
    lines.push(...rows.map((r) => r.line));
  }
  return lines.sort();
}

/**
 * Recount every rollup from the appointments, one port at a time: each port in its own
 * transaction holding a share lock on appointments and outcomes, so writers wait (briefly, one
 * port's recount) and each port's figures match one moment.
 */
export async function rebuildStatsRollup(db: Db): Promise<{ ports: number; rows: number }> {
  const ports = await queryRows<{ id: number }>(db, sql`select id from ports order by id`);
  for (const { id } of ports) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`lock table appointments, outcomes in share mode`);
      await tx.execute(sql`select stats_rollup_rebuild(${id}::int)`);
    });
  }
  const [row] = await queryRows<{ n: number }>(
    db,
    sql.raw(`select (${Object.keys(ROLLUP_TABLES).map((t) => `(select count(*) from ${t})`).join(' + ')})::int as n`),
  );
  return { ports: ports.length, rows: row?.n ?? 0 };
}

/**
 * Rollup rows that differ from a fresh recount (empty when all is well): the recount runs in a
 * transaction that is rolled back, so checking changes nothing.
 */
export async function statsRollupDrift(db: Db): Promise<{ missing: string[]; extra: string[] }> {
  const result = { missing: [] as string[], extra: [] as string[] };
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`lock table appointments, outcomes in share mode`);
      const kept = await rollupSnapshot(tx);
      await tx.execute(sql`select stats_rollup_rebuild(null)`);
      const fresh = await rollupSnapshot(tx);
      const keptSet = new Set(kept);
      const freshSet = new Set(fresh);
      result.missing = fresh.filter((l) => !keptSet.has(l));
      result.extra = kept.filter((l) => !freshSet.has(l));
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return result;
}
const ROLLBACK = new Error('rollback: drift check changes nothing');
