/**
 * Sign-in (and current-password) throttling, counted in PostgreSQL so it holds across app instances
 * and keeps nothing in process memory.
 *
 * Each attempt first CLAIMS a slot on every key it counts against, in one transaction, before the
 * password is checked. A claim is one `INSERT … ON CONFLICT DO UPDATE … WHERE not blocked RETURNING`:
 * parallel attempts queue on the key's row lock and each sees the previous one's count, so N parallel
 * wrong guesses get at most the limit evaluated. When any key refuses, the transaction rolls back and
 * no other key is charged. A success refunds its claim, so only failures accumulate.
 *
 * Reaching a key's limit does not lock the account: it blocks the key for a delay that doubles with
 * each further counted failure (capped), and the count is forgotten after a quiet window. The owner's
 * usual address (one that signed in to this account recently) counts only against its own
 * (account, address) key, so a stranger's failures cannot lock an officer out.
 *
 * Why not rate-limiter-flexible: its PostgreSQL store needs a `pg` Pool (we run postgres.js and the
 * embedded PGlite, which it cannot use) and its consume() is not "refuse without counting while
 * blocked" across several keys at once; one upsert per key is the same atomic primitive without the
 * second driver.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { env } from '@/lib/env';

export function emailKey(email: string): string {
  // NFKC folds fullwidth and compatibility forms, so "ａdmin@…" counts against "admin@…".
  return email.normalize('NFKC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim().toLowerCase();
}

export interface Limit {
  key: string;
  /** Claims allowed before the delay starts. */
  max: number;
  /** Quiet time after which the count is forgotten (sliding: every claim restarts it). */
  windowMs: number;
  /** Delay once `max` is reached: base × 2^(claims − max), at most cap. */
  backoff: { baseMs: number; capMs: number } | 'until-window-end';
}

export type Claim = { ok: true } | { ok: false; key: string; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly claim: Claim & { ok: false }) {
    super('throttled');
  }
}

/**
 * One atomic claim: counts the attempt and, on reaching the limit, sets the block, unless the key is
 * blocked right now (then nothing changes and no row comes back).
 */
async function claimOne(db: DbOrTx, limit: Limit, at: Date): Promise<Claim> {
  const atIso = at.toISOString();
  const expiredBefore = new Date(at.getTime() - limit.windowMs).toISOString();
  const sliding = limit.backoff !== 'until-window-end';
  const newHits = sql`(case when t.window_start <= ${expiredBefore}::timestamptz then 1 else t.hits + 1 end)`;
  const newStart = sliding
    ? sql`${atIso}::timestamptz`
    : sql`(case when t.window_start <= ${expiredBefore}::timestamptz then ${atIso}::timestamptz else t.window_start end)`;
  const blockFor = (hits: SQLish) =>
    limit.backoff === 'until-window-end'
      ? sql`(case when ${hits} >= ${limit.max} then ${newStart} + ${limit.windowMs} * interval '1 millisecond' end)`
      : sql`(case when ${hits} >= ${limit.max} then ${atIso}::timestamptz + least(${limit.backoff.capMs}::float8, ${limit.backoff.baseMs}::float8 * power(2::float8, (${hits} - ${limit.max})::float8)) * interval '1 millisecond' end)`;
  const rows = await queryRows<{ hits: number }>(
    db,
    sql`insert into auth_throttle as t (key, hits, window_start, blocked_until)
        values (${limit.key}, 1, ${atIso}::timestamptz, ${limit.max <= 1 ? sql`${atIso}::timestamptz + ${firstDelayMs(limit)} * interval '1 millisecond'` : sql`null`})
        on conflict (key) do update set
          hits = ${newHits},
          window_start = ${newStart},
          blocked_until = ${blockFor(newHits)}
        where t.window_start <= ${expiredBefore}::timestamptz or t.blocked_until is null or t.blocked_until <= ${atIso}::timestamptz
        returning hits`,
  );
  if (rows.length > 0) return { ok: true };
  const [row] = await queryRows<{ blocked_until: string | Date }>(db, sql`select blocked_until from auth_throttle where key = ${limit.key}`);
  const until = row?.blocked_until ? new Date(row.blocked_until).getTime() : at.getTime() + 1000;
  return { ok: false, key: limit.key, retryAfterSeconds: Math.max(1, Math.ceil((until - at.getTime()) / 1000)) };
}

type SQLish = ReturnType<typeof sql>;

function firstDelayMs(limit: Limit): number {
  return limit.backoff === 'until-window-end' ? limit.windowMs : limit.backoff.baseMs;
}

/**
 * Claims a slot on every key, all or nothing. Keys are claimed in the order given; callers pass
 * them in one fixed order of kinds (pair, account, address, global), so two claims cannot deadlock.
 */
export async function claim(db: DbOrTx, limits: Limit[], at: Date): Promise<Claim> {
  try {
    await db.transaction(async (tx) => {
      for (const limit of limits) {
        const result = await claimOne(tx, limit, at);
        if (!result.ok) throw new Refused(result);
      }
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof Refused) return error.claim;
    throw error;
  }
}

/** A successful attempt gives its slot back; a block already set stays until it runs out. */
export async function refund(db: DbOrTx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.execute(sql`update auth_throttle set hits = greatest(hits - 1, 0) where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
}

/** Counters idle for a day hold nothing any limit still needs. */
export async function throttleHousekeeping(db: DbOrTx, at: Date): Promise<void> {
  await db.execute(sql`delete from auth_throttle where window_start < ${new Date(at.getTime() - 86_400_000).toISOString()}::timestamptz and (blocked_until is null or blocked_until < ${at.toISOString()}::timestamptz)`);
}

function backoff() {
  const e = env();
  return { baseMs: e.SIGN_IN_BACKOFF_BASE_SECONDS * 1000, capMs: e.SIGN_IN_BACKOFF_MAX_SECONDS * 1000 };
}

/**
 * The keys a sign-in counts against. A known address (it signed in to this account recently) is
 * charged only on its (account, address) pair: neither strangers' failures on the account nor the
 * global cap can keep the owner out.
 */
export function signInLimits(email: string, address: string, knownAddress: boolean): Limit[] {
  const e = env();
  const windowMs = e.SIGN_IN_WINDOW_MINUTES * 60_000;
  const account = emailKey(email);
  const pair: Limit = { key: `pair:${account}|${address}`, max: e.SIGN_IN_MAX_FAILURES, windowMs, backoff: backoff() };
  if (knownAddress) return [pair];
  return [
    pair,
    { key: `account:${account}`, max: e.SIGN_IN_MAX_FAILURES, windowMs, backoff: backoff() },
    { key: `address:${address}`, max: e.SIGN_IN_ADDRESS_MAX_FAILURES, windowMs, backoff: backoff() },
    { key: 'global', max: e.SIGN_IN_GLOBAL_MAX_FAILURES_PER_MINUTE, windowMs: 60_000, backoff: 'until-window-end' },
  ];
}

/** The current-password check of a signed-in person: the same growing delay, per account. */
export function passwordCheckLimits(userId: string): Limit[] {
  const e = env();
  return [{ key: `password:${userId}`, max: e.SIGN_IN_MAX_FAILURES, windowMs: e.SIGN_IN_WINDOW_MINUTES * 60_000, backoff: backoff() }];
}
