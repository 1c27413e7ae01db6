/**
 * Every refused request leaves an `access.denied` event: who (user, or intake key name, or
 * "anonymous"), what (method and path, never the query string: it can hold names), why, and the
 * request id. The refused request changed nothing, so the event is written in its own small
 * transaction after the refusal.
 *
 * Flooding: an anonymous client could make us write one audit row per forged request. Anonymous
 * refusals are therefore counted per client address and minute (access_denial_counts, exact), and
 * the audit trail gets an event at the 1st, 10th, 100th… refusal of that address in that minute,
 * carrying the count so far: 100,000 forged requests from one address add 6 rows. Past
 * MAX_ADDRESSES_PER_MINUTE distinct addresses in a minute (forged X-Forwarded-For) the rest share
 * one "other" row. A signed-in user's refusals name a real account and are recorded one by one.
 * Anonymous and lead/admin refusals go in the global chain (port null), a signed-in officer's in
 * their own port's chain, and a failed audit write never changes the answer the client gets.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/client';
import { clientAddress } from '@/lib/auth/client-address';
import { now } from '@/lib/time';
import { AppError, isAppError } from '@/lib/errors';
import { ANONYMOUS, isAccessDenied, type Denial } from '@/lib/auth/access-denied';
import { logError } from '@/lib/log';
import { recordAudit } from './record';

export const ACCESS_DENIED_ACTION = 'access.denied';

export interface DeniedRequest {
  method: string;
  path: string;
  status: number;
  code: string;
  requestId: string | null;
  /** The client address (lib/auth/client-address.ts), for aggregating anonymous refusals. */
  address?: string;
}

const MAX_ADDRESSES_PER_MINUTE = 200;
const OTHER_ADDRESSES = 'other';
const DISTINCT_COUNTER = '#distinct';

const MAX_TARGET = 300;
const MAX_REASON = 300;

/** The denial an error stands for: our own AccessDeniedError, or any other 401/403 (say a future check). */
export function denialOf(error: unknown): Denial | null {
  if (isAccessDenied(error)) return error.denial;
  if (isAppError(error) && (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN')) {
    return { subject: ANONYMOUS, reason: error.message, portId: null };
  }
  return null;
}

async function bump(tx: DbOrTx, minute: string, address: string): Promise<number> {
  const [row] = await queryRows<{ hits: number }>(
    tx,
    sql`insert into access_denial_counts as c (minute, address, hits) values (${minute}::timestamptz, ${address}, 1)
        on conflict (minute, address) do update set hits = c.hits + 1 returning hits`,
  );
  return row?.hits ?? 1;
}

/** Counts one anonymous refusal; the count when the audit trail should hear of it, else null. */
async function countAnonymous(tx: DbOrTx, address: string): Promise<{ count: number; address: string } | null> {
  const minute = new Date(Math.floor(now().getTime() / 60_000) * 60_000).toISOString();
  // Now and then the counts of past days go; the audit events that reported them stay.
  if (Math.random() < 1 / 500) {
    await tx.execute(sql`delete from access_denial_counts where minute < ${new Date(now().getTime() - 86_400_000).toISOString()}::timestamptz`);
  }
  const [seen] = await queryRows<{ hits: number }>(
    tx,
    sql`select hits from access_denial_counts where minute = ${minute}::timestamptz and address = ${address}`,
  );
  let key = address;
  if (!seen && (await bump(tx, minute, DISTINCT_COUNTER)) > MAX_ADDRESSES_PER_MINUTE) key = OTHER_ADDRESSES;
  const count = await bump(tx, minute, key);
  return isPowerOfTen(count) ? { count, address: key } : null;
}

export function isPowerOfTen(n: number): boolean {
  let x = n;
  while (x >= 10 && x % 10 === 0) x /= 10;
  return x === 1;
}

export async function recordAccessDenial(denial: Denial, request: DeniedRequest): Promise<void> {
  try {
    const db = await getDb();
    await db.transaction(async (tx) => {
      const anonymous = denial.subject.userId === null;
      const aggregate = anonymous ? await countAnonymous(tx, request.address ?? 'unknown') : null;
      if (anonymous && !aggregate) return;
      await recordAudit(
        tx,
        { userId: denial.subject.userId, role: denial.subject.role, label: denial.subject.label, requestId: request.requestId },
        {
          action: ACCESS_DENIED_ACTION,
          targetType: 'request',
          targetId: `${request.method} ${request.path}`.slice(0, MAX_TARGET),
          portId: denial.portId,
          after: { status: request.status, code: request.code, ...(aggregate ? { address: aggregate.address, countThisMinute: aggregate.count } : {}) },
          reason: denial.reason.slice(0, MAX_REASON),
        },
      );
    });
  } catch (error) {
    // The refusal stands whatever happens here; the log keeps the detail (one JSON line).
    logError({ requestId: request.requestId, message: 'could not record an access denial', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Called by apiRoute for every error it answers: records it when it is a denial, ignores the rest. */
export async function recordApiDenial(request: Request, error: unknown, requestId: string | null): Promise<void> {
  const denial = denialOf(error);
  if (!denial || !(error instanceof AppError)) return;
  await recordAccessDenial(denial, {
    method: request.method,
    path: new URL(request.url).pathname,
    status: error.status,
    code: error.code,
    requestId,
    address: clientAddress(request.headers),
  });
}

/** A sign-in refused by the throttle checked nothing: audited as an aggregated anonymous refusal. */
export async function recordThrottledSignIn(address: string, limitKind: string): Promise<void> {
  await recordAccessDenial(
    { subject: ANONYMOUS, reason: `sign-in throttled (${limitKind} limit)`, portId: null },
    { method: 'POST', path: '/sign-in', status: 429, code: 'RATE_LIMITED', requestId: null, address },
  );
}
