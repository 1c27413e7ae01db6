/**
 * Intake API request limit, counted in PostgreSQL so it holds across app instances, with a sliding
 * window: the estimate is this minute's count plus last minute's, weighted by the part of last minute
 * still inside the sliding 60 s (the "sliding window counter" of Cloudflare and nginx). A fixed window
 * let a client send the limit at 00:59 and again at 01:00; here those 2× arrive as ≈ 2× the estimate
 * and the second half is refused. A global cap over all keys bounds what a set of stolen keys can do.
 *
 * Each request increments one of RATE_SHARDS rows (of its key and of the global counter) at random,
 * so concurrent requests of one key do not queue on one row lock; counts are sums over shards. All of
 * it is one statement, merged into the booking pre-check. Concurrent requests do not see each other's
 * uncommitted increments, so a burst can overshoot by at most the requests in flight: a rate limit,
 * not a quota.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';

export const RATE_WINDOW_MS = 60_000;
export const RATE_SHARDS = 16;
/** The key id under which all intake keys' requests are counted together (no intake key has it). */
export const GLOBAL_RATE_KEY = '00000000-0000-0000-0000-000000000000';

export interface RateWindow {
  windowStart: Date;
  previousStart: Date;
  /** The weight of the previous window: the share of it still inside the sliding minute. */
  previousWeight: number;
  shard: number;
  retryAfterSeconds: number;
}

export function currentWindow(at: Date = now()): RateWindow {
  const start = Math.floor(at.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  return {
    windowStart: new Date(start),
    previousStart: new Date(start - RATE_WINDOW_MS),
    previousWeight: 1 - (at.getTime() - start) / RATE_WINDOW_MS,
    shard: Math.floor(Math.random() * RATE_SHARDS),
    retryAfterSeconds: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at.getTime()) / 1000)),
  };
}

/**
 * SQL counting this request (use `cte` inside a WITH). `total` is the load: the larger of the key's
 * and the global sliding estimate, each divided by its limit, so above 1 means refused (isOverLimit).
 */
export function countRequestSql(keyId: string, w: RateWindow): { cte: SQL; total: SQL } {
  const ws = sql`${w.windowStart.toISOString()}::timestamptz`;
  const prev = sql`${w.previousStart.toISOString()}::timestamptz`;
  const e = env();
  const estimate = (id: string) =>
    sql`((select coalesce(sum(hits), 0) from rl where key_id = ${id}::uuid)
       + (select coalesce(sum(hits), 0) from rl_other where key_id = ${id}::uuid and window_start = ${ws})
       + ${w.previousWeight}::float8 * (select coalesce(sum(hits), 0) from rl_other where key_id = ${id}::uuid and window_start = ${prev}))`;
  return {
    cte: sql`rl as (
      insert into intake_rate_windows (key_id, window_start, shard, hits)
      values (${keyId}::uuid, ${ws}, ${w.shard}, 1), (${GLOBAL_RATE_KEY}::uuid, ${ws}, ${w.shard}, 1)
      on conflict (key_id, window_start, shard) do update set hits = intake_rate_windows.hits + 1
      returning key_id, hits),
    rl_other as (
      select key_id, window_start, hits from intake_rate_windows
      where key_id in (${keyId}::uuid, ${GLOBAL_RATE_KEY}::uuid) and window_start in (${ws}, ${prev})
        and not (window_start = ${ws} and shard = ${w.shard}))`,
    total: sql`greatest(${estimate(keyId)} / ${e.INTAKE_RATE_LIMIT_PER_MINUTE}::float8, ${estimate(GLOBAL_RATE_KEY)} / ${e.INTAKE_GLOBAL_RATE_LIMIT_PER_MINUTE}::float8)`,
  };
}

/** `total` of countRequestSql above 1: this key, or all keys together, are over their limit. */
export function isOverLimit(load: number | string | null | undefined): boolean {
  return Number(load ?? 0) > 1;
}

export function rateLimited(w: RateWindow): AppError {
  return new AppError('RATE_LIMITED', `Too many requests. Try again in ${w.retryAfterSeconds} s.`, {
    es: `Demasiadas solicitudes. Inténtelo de nuevo en ${w.retryAfterSeconds} s.`,
    retryAfterSeconds: w.retryAfterSeconds,
  });
}

/** Counts one request of the key and throws RATE_LIMITED over the limit. */
export async function enforceRateLimit(db: DbOrTx, keyId: string): Promise<void> {
  const w = currentWindow();
  const { cte, total } = countRequestSql(keyId, w);
  const [row] = await queryRows<{ total: number }>(db, sql`with ${cte} select ${total} as total`);
  if (isOverLimit(row?.total)) throw rateLimited(w);
}

/** Old windows and expired idempotency records (kept at least 24 hours), removed now and then. */
export async function housekeeping(db: DbOrTx): Promise<void> {
  const at = now().getTime();
  await db.execute(sql`delete from intake_rate_windows where window_start < ${new Date(at - 10 * RATE_WINDOW_MS).toISOString()}::timestamptz`);
  await db.execute(sql`delete from idempotency_records where created_at < ${new Date(at - 25 * 3_600_000).toISOString()}::timestamptz`);
}

export function maybeHousekeeping(db: DbOrTx): Promise<void> | undefined {
  return Math.random() < 1 / 500 ? housekeeping(db) : undefined;
}
