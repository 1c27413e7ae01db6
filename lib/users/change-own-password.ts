/** A person sets a new password (required after an admin created or reset the account). */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { users } from '@/db/schema';
import { parseInput } from '@/lib/api/validate';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/end-sessions';
import { claim, passwordCheckLimits, refund } from '@/lib/auth/throttle';
import { now } from '@/lib/time';
import { AppError } from '@/lib/errors';
import type { AppLocale } from '@/lib/i18n/translate';
import { OwnPasswordChangeSchema } from './admin-schemas';
import { personActor } from '@/lib/audit/actor';

export async function changeOwnPassword(actor: Actor, input: unknown, locale: AppLocale = 'en'): Promise<{ ok: true }> {
  const body = parseInput(OwnPasswordChangeSchema, input, locale);
  const db = await getDb();
  // A stolen session must not become a password-guessing oracle: the same claim-before-check throttle as sign-in.
  const limits = passwordCheckLimits(actor.userId);
  const claimed = await claim(db, limits, now());
  if (!claimed.ok) {
    throw new AppError('RATE_LIMITED', `Too many wrong current passwords. Try again in ${claimed.retryAfterSeconds} s.`, {
      es: `Demasiadas contraseñas actuales incorrectas. Inténtelo de nuevo en ${claimed.retryAfterSeconds} s.`,
      retryAfterSeconds: claimed.retryAfterSeconds,
    });
  }
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!row || !(await verifyPassword(row.passwordHash, body.currentPassword))) {
    throw new AppError('VALIDATION', 'The current password is not correct.', {
      es: 'La contraseña actual no es correcta.',
      fields: { currentPassword: 'not correct' },
    });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      // Guarded on the hash just verified: an admin reset in between wins.
      .where(and(eq(users.id, actor.userId), eq(users.passwordHash, row.passwordHash)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError('CONFLICT', 'Your account changed. Sign in again.');
    await refund(tx, limits.map((l) => l.key));
    // Whoever else holds a session of this account (a stolen cookie, a forgotten kiosk) is out now.
    await endUserSessions(tx, actor.userId, 'password_changed', personActor(actor), actor.portId, actor.sessionId);
    await recordAudit(tx, personActor(actor), {
      action: 'user.password_changed',
      targetType: 'user',
      targetId: actor.userId,
      portId: actor.portId,
      before: { mustChangePassword: actor.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
  return { ok: true };
}
