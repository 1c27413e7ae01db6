/**
 * Server-side sessions. The JWT cookie only names a session row; the row decides whether
 * the session is alive (sign-out, idle limit, absolute limit, deactivated user, changed role).
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import type { DbOrTx } from '@/db/client';
import { ports, sessions, users } from '@/db/schema';
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import type { Actor } from './actor';
import { endOneSession } from './end-sessions';

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
      endReason: sessions.endReason,
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
  if (row.endedAt) return { ended: endedState(row.endReason) };
  const at = now();
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  const over: 'inactive' | 'expired' | 'idle' | null = !row.active
    ? 'inactive'
    : row.expiresAt.getTime() <= at.getTime()
      ? 'expired'
      : at.getTime() - row.lastActiveAt.getTime() > idleMs
        ? 'idle'
        : null;
  if (over) {
    // Found over its limit: end the row for good (a later reactivation must not revive it), audited once.
    await db.transaction((tx) => endOneSession(tx, row.sessionId, over, { userId: row.userId, role: row.role, requestId: opts.requestId ?? null }, row.portId));
    return { ended: over };
  }
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

/** What a page or API call is told about a session that ended earlier. */
function endedState(reason: string | null): 'signed_out' | 'idle' | 'expired' | 'inactive' {
  return reason === 'idle' || reason === 'expired' ? reason : reason === 'inactive' || reason === 'deactivated' ? 'inactive' : 'signed_out';
}
