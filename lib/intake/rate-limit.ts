/**
 * Per-key request limit, counted in PostgreSQL so it holds across app instances. A fixed one-minute
 * window; each request increments one of RATE_SHARDS rows at random so concurrent requests of one
 * key do not queue on one row lock, and the window's count is the sum of the shards. Concurrent
 * requests do not see each other's uncommitted increments, so a burst can overshoot the limit by at
 * most the number of requests in flight: a rate limit, not a quota.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';

export const RATE_WINDOW_MS = 60_000;
export const RATE_SHARDS = 16;

export function rateLimitPerMinute(): number {
  return env().INTAKE_RATE_LIMIT_PER_MINUTE;
}

export interface RateWindow {
  windowStart: Date;
  shard: number;
  retryAfterSeconds: number;
}

export function currentWindow(at: Date = now()): RateWindow {
  const start = Math.floor(at.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  return {
    windowStart: new Date(start),
    shard: Math.floor(Math.random() * RATE_SHARDS),
    retryAfterSeconds: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at.getTime()) / 1000)),
  };
}

/** A SQL expression counting this request and returning the window's total (use inside a CTE). */
export function countRequestSql(keyId: string, w: RateWindow): { cte: SQL; total: SQL } {
  return {
    cte: sql`rl as (
      insert into intake_rate_windows (key_id, window_start, shard, hits)
      values (${keyId}, ${w.windowStart.toISOString()}::timestamptz, ${w.shard}, 1)
      on conflict (key_id, window_start, shard) do update set hits = intake_rate_windows.hits + 1
      returning hits),
    rl_other as (
      select coalesce(sum(hits), 0)::int as hits from intake_rate_windows
      where key_id = ${keyId} and window_start = ${w.windowStart.toISOString()}::timestamptz and shard <> ${w.shard})`,
    total: sql`((select hits from rl) + (select hits from rl_other))`,
  };
}

export function rateLimited(w: RateWindow): AppError {
  return new AppError('RATE_LIMITED', `Too many requests for this key. Try again in ${w.retryAfterSeconds} s.`, {
    es: `Demasiadas solicitudes con esta clave. Inténtelo de nuevo en ${w.retryAfterSeconds} s.`,
    retryAfterSeconds: w.retryAfterSeconds,
  });
}

/** Counts one request of the key and throws RATE_LIMITED over the limit. */
export async function enforceRateLimit(db: DbOrTx, keyId: string): Promise<void> {
  const w = currentWindow();
  const { cte, total } = countRequestSql(keyId, w);
  const [row] = await queryRows<{ total: number }>(db, sql`with ${cte} select ${total} as total`);
  if ((row?.total ?? 0) > rateLimitPerMinute()) throw rateLimited(w);
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
