/**
 * Credential check behind the sign-in form. The same answer for an unknown email, a wrong
 * password and a deactivated account, so the form cannot be used to discover accounts.
 */
import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import type { DbOrTx } from '@/db/client';
import { signInAttempts, users, type Role } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { recordThrottledSignIn } from '@/lib/audit/access-denial';
import { now } from '@/lib/time';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session-store';
import { claim, emailKey, refund, signInLimits, throttleHousekeeping } from './throttle';
import { personActor, unidentifiedActor } from '@/lib/audit/actor';

export const CredentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
});

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'invalid' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// An address that signed in to the account within this long is the owner's usual address.
const KNOWN_ADDRESS_DAYS = 30;

async function isKnownAddress(db: DbOrTx, email: string, address: string, at: Date): Promise<boolean> {
  if (address === 'unknown') return false;
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.emailKey, emailKey(email)),
        eq(signInAttempts.address, address),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, new Date(at.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * `address` is the client address (lib/auth/client-address.ts). The throttle decides BEFORE the
 * password is checked (see lib/auth/throttle.ts), so a refused attempt costs no argon2 verification.
 */
export async function checkCredentials(input: unknown, address = 'unknown'): Promise<SignInResult> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const db = await getDb();
  const at = now();

  // Now and then, counters nobody has touched for a day go (no scheduler needed, any instance does it).
  if (Math.random() < 1 / 500) void throttleHousekeeping(db, at).catch(() => undefined);
  const limits = signInLimits(email, address, await isKnownAddress(db, email, address, at));
  const claimed = await claim(db, limits, at);
  if (!claimed.ok) {
    await recordThrottledSignIn(address, claimed.key.split(':')[0] ?? claimed.key);
    return { ok: false, reason: 'throttled', retryAfterSeconds: claimed.retryAfterSeconds };
  }

  const [user] = await db
    .select({ id: users.id, role: users.role, portId: users.portId, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, emailKey(email)))
    .limit(1);

  // Verify even when there is no such user, so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.active || !passwordOk) {
    await refuse(email, address, at, user ?? undefined);
    return { ok: false, reason: 'invalid' };
  }

  // The session, the attempt, the refund, the last sign-in and the audit event land together or not at all.
  const sessionId = await db.transaction(async (tx) => {
    const id = await createSession(user.id, tx);
    await tx.insert(signInAttempts).values({ emailKey: emailKey(email), succeeded: true, at, address });
    await tx.execute(sql`delete from auth_throttle where key = ${limits[0]!.key}`);
    await refund(tx, limits.slice(1).map((l) => l.key));
    await tx.update(users).set({ lastSignInAt: at }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      personActor({ userId: user.id, role: user.role }),
      { action: 'session.signed_in', targetType: 'session', targetId: id, portId: user.portId },
    );
    return id;
  });
  return { ok: true, userId: user.id, sessionId };
}

/**
 * A wrong password (already counted by the claim) is recorded and audited, in one transaction. The
 * typed email is the label (never the password); a known account is named by id so its history shows it.
 */
async function refuse(email: string, address: string, at: Date, user?: { id: string; role: Role; portId: number | null }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ emailKey: emailKey(email), succeeded: false, at, address });
    await recordAudit(
      tx,
      unidentifiedActor(emailKey(email)),
      { action: 'session.sign_in_refused', targetType: 'user', targetId: user?.id ?? null, portId: user?.portId ?? null, reason: 'invalid' },
    );
  });
}

