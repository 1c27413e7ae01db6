/**
 * Credential check behind the sign-in form. The same answer for an unknown email, a wrong
 * password and a deactivated account, so the form cannot be used to discover accounts.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { users, type Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { now } from '@/lib/time';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session-store';
import { emailKey, isThrottled, recentFailures, recordAttempt } from './throttle';

export const CredentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' | 'throttled'; retryAfterMinutes?: number };

export async function checkCredentials(input: unknown): Promise<SignInResult> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const db = await getDb();
  const at = now();

  if (isThrottled(await recentFailures(db, email, at), env().SIGN_IN_MAX_FAILURES)) {
    await refuse(email, 'throttled', at);
    return { ok: false, reason: 'throttled', retryAfterMinutes: env().SIGN_IN_WINDOW_MINUTES };
  }

  const [user] = await db
    .select({ id: users.id, role: users.role, portId: users.portId, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, emailKey(email)))
    .limit(1);

  // Verify even when there is no such user, so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.active || !passwordOk) {
    await refuse(email, 'invalid', at, user ?? undefined);
    return { ok: false, reason: 'invalid' };
  }

  // The session, the attempt, the last sign-in and the audit event land together or not at all.
  const sessionId = await db.transaction(async (tx) => {
    const id = await createSession(user.id, tx);
    await recordAttempt(tx, email, true, at);
    await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { userId: user.id, role: user.role },
      { action: 'session.signed_in', targetType: 'session', targetId: id, portId: user.portId },
    );
    return id;
  });
  return { ok: true, userId: user.id, sessionId };
}

/**
 * A refused sign-in counts towards throttling and is audited, in one transaction. The typed
 * email is the label (never the password); a known account is named by id so its history shows it.
 */
async function refuse(
  email: string,
  reason: 'invalid' | 'throttled',
  at: Date,
  user?: { id: string; role: Role; portId: number | null },
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await recordAttempt(tx, email, false, at);
    await recordAudit(
      tx,
      { userId: null, role: null, label: emailKey(email).slice(0, 320) },
      { action: 'session.sign_in_refused', targetType: 'user', targetId: user?.id ?? null, portId: user?.portId ?? null, reason },
    );
  });
}

/**
 * Single sign-on: the identity provider vouched for the email; the account must still exist
 * here and be active. Session, last sign-in and audit event land together. Null when refused.
 */
export async function startSsoSession(email: string): Promise<string | null> {
  const db = await getDb();
  const at = now();
  const [user] = await db
    .select({ id: users.id, role: users.role, portId: users.portId, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, emailKey(email)))
    .limit(1);
  if (!user?.active) return null;
  return db.transaction(async (tx) => {
    const id = await createSession(user.id, tx);
    await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { userId: user.id, role: user.role },
      { action: 'session.signed_in', targetType: 'session', targetId: id, portId: user.portId, after: { method: 'sso' } },
    );
    return id;
  });
}
