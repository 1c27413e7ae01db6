/**
 * Credential check behind the sign-in form. The same answer for an unknown email, a wrong
 * password and a deactivated account, so the form cannot be used to discover accounts.
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { users } from '@/db/schema';
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
    await recordAttempt(db, email, false, at);
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
    await recordAttempt(db, email, false, at);
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
