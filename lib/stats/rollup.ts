/**
 * The daily rollup (stats_daily, stats_daily_outcomes) is kept by database triggers in the same
 * transaction as each write. These functions rebuild it from the appointments and check it.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/client';

/** Recount everything. Writers wait (share lock) so the rebuilt figures match one moment. */
export async function rebuildStatsRollup(db: Db): Promise<{ statusRows: number; outcomeRows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table appointments, outcomes in share mode`);
    await tx.execute(sql`delete from stats_daily`);
    await tx.execute(sql`delete from stats_daily_outcomes`);
    const statusRows = await queryRows<{ n: number }>(
      tx,
      sql`with ins as (insert into stats_daily (port_id, service_date, status, n)
          select port_id, service_date, status, count(*)::int from appointments group by 1, 2, 3 returning 1)
        select count(*)::int as n from ins`,
    );
    const outcomeRows = await queryRows<{ n: number }>(
      tx,
      sql`with ins as (insert into stats_daily_outcomes (port_id, service_date, code, n)
          select a.port_id, a.service_date, o.code, count(*)::int
          from appointments a join outcomes o on o.appointment_id = a.id where a.status = 'processed' group by 1, 2, 3 returning 1)
        select count(*)::int as n from ins`,
    );
    return { statusRows: statusRows[0]?.n ?? 0, outcomeRows: outcomeRows[0]?.n ?? 0 };
  });
}

/** Rows where the rollup and a fresh count disagree (empty when all is well). */
export async function statsRollupDrift(db: Db): Promise<{ kind: string; port_id: number; service_date: string; key: string; rollup: number; actual: number }[]> {
  return queryRows(
    db,
    sql`with actual as (
        select port_id, service_date, status::text as key, count(*)::int as n from appointments group by 1, 2, 3),
      rolled as (select port_id, service_date, status::text as key, sum(n)::int as n from stats_daily group by 1, 2, 3 having sum(n) <> 0),
      actual_o as (
        select a.port_id, a.service_date, o.code::text as key, count(*)::int as n
        from appointments a join outcomes o on o.appointment_id = a.id where a.status = 'processed' group by 1, 2, 3),
      rolled_o as (select port_id, service_date, code::text as key, sum(n)::int as n from stats_daily_outcomes group by 1, 2, 3 having sum(n) <> 0)
      select 'status' as kind, coalesce(r.port_id, a.port_id) as port_id, coalesce(r.service_date, a.service_date)::text as service_date,
        coalesce(r.key, a.key) as key, coalesce(r.n, 0) as rollup, coalesce(a.n, 0) as actual
      from rolled r full join actual a using (port_id, service_date, key) where coalesce(r.n, 0) <> coalesce(a.n, 0)
      union all
      select 'outcome', coalesce(r.port_id, a.port_id), coalesce(r.service_date, a.service_date)::text,
        coalesce(r.key, a.key), coalesce(r.n, 0), coalesce(a.n, 0)
      from rolled_o r full join actual_o a using (port_id, service_date, key) where coalesce(r.n, 0) <> coalesce(a.n, 0)`,
  );
}
