/**
 * The limit of open event streams per session, held in PostgreSQL so it is the same limit whichever
 * instance a stream lands on. Each stream holds a lease row, renewed at every heartbeat; a row left
 * by an instance that died stops counting when it expires.
 */
import 'server-only';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { liveStreams } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';

export const STREAMS_PER_SESSION = 4;
/** Three heartbeats: one missed renewal (a slow database) does not free the slot. */
export const LEASE_MS = 45_000;

/** Distinct first key for pg_advisory_xact_lock(int, int): opens of one session's streams queue here. */
const LEASE_LOCK_NAMESPACE = 7301;

/** Takes a slot, or 429 when the session already holds STREAMS_PER_SESSION live ones. */
export async function openLease(sessionId: string): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LEASE_LOCK_NAMESPACE}, hashtext(${sessionId}))`);
    const at = now();
    await tx.delete(liveStreams).where(and(eq(liveStreams.sessionId, sessionId), lte(liveStreams.expiresAt, at)));
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(liveStreams)
      .where(and(eq(liveStreams.sessionId, sessionId), gt(liveStreams.expiresAt, at)));
    if ((open?.n ?? 0) >= STREAMS_PER_SESSION) {
      throw new AppError('RATE_LIMITED', `At most ${STREAMS_PER_SESSION} live streams per session. Close another tab or window first.`, {
        es: `Como máximo ${STREAMS_PER_SESSION} conexiones en vivo por sesión. Cierre otra pestaña o ventana primero.`,
        retryAfterSeconds: Math.ceil(LEASE_MS / 1000),
      });
    }
    const [row] = await tx
      .insert(liveStreams)
      .values({ sessionId, openedAt: at, expiresAt: new Date(at.getTime() + LEASE_MS) })
      .returning({ id: liveStreams.id });
    return row!.id;
  });
}

/** Extends a lease; false when it is gone (expired and taken over), so the stream must end. */
export async function renewLease(id: string): Promise<boolean> {
  const db = await getDb();
  const at = now();
  const rows = await db
    .update(liveStreams)
    .set({ expiresAt: new Date(at.getTime() + LEASE_MS) })
    .where(and(eq(liveStreams.id, id), gt(liveStreams.expiresAt, at)))
    .returning({ id: liveStreams.id });
  return rows.length === 1;
}

export async function closeLease(id: string): Promise<void> {
  const db = await getDb();
  await db.delete(liveStreams).where(eq(liveStreams.id, id));
}
