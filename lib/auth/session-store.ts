/**
 * Server-side sessions. The JWT cookie only names a session row; the row decides whether
 * the session is alive (sign-out, idle limit, absolute limit, deactivated user, changed role).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import type { DbOrTx } from '@/db/client';
import { ports, sessions, users } from '@/db/schema';
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import type { Actor } from './actor';

export async function createSession(userId: string, tx?: DbOrTx): Promise<string> {
  const db = tx ?? (await getDb());
  const at = now();
  const [row] = await db
    .insert(sessions)
    .values({
      userId,
      createdAt: at,
      lastActiveAt: at,
      expiresAt: new Date(at.getTime() + env().SESSION_MAX_HOURS * 3_600_000),
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned no row');
  return row.id;
}

export type SessionState = { actor: Actor } | { ended: 'signed_out' | 'idle' | 'expired' | 'inactive' | 'missing' };

// Writing lastActiveAt on every request would turn each read into a write; 30 s is precise enough.
const TOUCH_GRANULARITY_MS = 30_000;

/**
 * Loads the live session and its user. `activity` marks a request made by the person
 * (page view, action, "stay signed in"), as opposed to a background refresh, which must not
 * keep an abandoned kiosk signed in.
 */
export async function loadSession(sessionId: string, opts: { activity: boolean; requestId?: string | null }): Promise<SessionState> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { ended: 'missing' };
  const db = await getDb();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastActiveAt: sessions.lastActiveAt,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      portId: users.portId,
      portSlug: ports.slug,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(ports, eq(ports.id, users.portId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return { ended: 'missing' };
  if (row.endedAt) return { ended: 'signed_out' };
  if (!row.active) return { ended: 'inactive' };
  const at = now();
  if (row.expiresAt.getTime() <= at.getTime()) return { ended: 'expired' };
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  if (at.getTime() - row.lastActiveAt.getTime() > idleMs) return { ended: 'idle' };
  if (opts.activity && at.getTime() - row.lastActiveAt.getTime() > TOUCH_GRANULARITY_MS) {
    await db
      .update(sessions)
      .set({ lastActiveAt: at })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  }
  return {
    actor: {
      userId: row.userId,
      sessionId: row.sessionId,
      email: row.email,
      name: row.name,
      role: row.role,
      portId: row.portId,
      portSlug: row.portSlug,
      locale: row.locale,
      mustChangePassword: row.mustChangePassword,
      requestId: opts.requestId ?? null,
    },
  };
}

export async function endSession(sessionId: string, tx?: DbOrTx): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .update(sessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}
