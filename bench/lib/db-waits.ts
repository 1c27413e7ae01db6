/**
 * Lock and wait samples during a load: every `everyMs`, what each of the bench database's backends is
 * waiting on (pg_stat_activity.wait_event) and which locks are not granted (pg_locks). Printed as the
 * share of samples, so "the chain lock is the queue" or "nobody waits" is a figure, not a guess.
 */
import type { Sql } from 'postgres';

export interface WaitSamples {
  samples: number;
  /** "type:event" (or "cpu/running" when active without a wait) → backend-samples. */
  waits: Record<string, number>;
  /** Not-granted lock type (advisory, transactionid, tuple...) → samples. */
  ungranted: Record<string, number>;
}

export function sampleWaits(sql: Sql, database: string, everyMs = 100): { stop(): Promise<WaitSamples> } {
  const result: WaitSamples = { samples: 0, waits: {}, ungranted: {} };
  let running = true;
  const loop = (async () => {
    while (running) {
      const [activity, locks] = await Promise.all([
        sql`select coalesce(wait_event_type || ':' || wait_event, 'cpu/running') as w, count(*)::int as n
            from pg_stat_activity where datname = ${database} and state = 'active' and pid <> pg_backend_pid() group by 1`,
        sql`select l.locktype as t, count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where not l.granted and a.datname = ${database} group by 1`,
      ]);
      result.samples++;
      for (const r of activity) result.waits[r.w as string] = (result.waits[r.w as string] ?? 0) + (r.n as number);
      for (const r of locks) result.ungranted[r.t as string] = (result.ungranted[r.t as string] ?? 0) + (r.n as number);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return result;
    },
  };
}

/** "ClientRead 4.1, cpu/running 2.0, Lock:advisory 0.3" — backends per sample, largest first. */
export function describeWaits(w: WaitSamples): string {
  const per = (m: Record<string, number>) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${(n / Math.max(1, w.samples)).toFixed(2)}`)
      .join(', ') || 'none';
  return `active backends per sample: ${per(w.waits)}; ungranted locks per sample: ${per(w.ungranted)} (${w.samples} samples)`;
}
