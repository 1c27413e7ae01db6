/**
 * A production database's first administrator, from ADMIN_EMAIL / ADMIN_PASSWORD.
 * Runs on every start and every migrate, so it does nothing once any active admin exists.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { ensureNationalCap } from './reference';

/** Returns true when it created the administrator. */
export async function ensureBootstrapAdmin(db: DbOrTx, opts: { email: string; password: string }): Promise<boolean> {
  await ensureNationalCap(db);
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .limit(1);
  if (admin) return false;

  const email = opts.email.trim().toLowerCase();
  const passwordHash = await hashPassword(opts.password);
  // Two instances starting at once both get here; the lower(email) unique index lets one win.
  const inserted = await db
    .insert(users)
    .values({ email, name: 'Administrator', role: 'admin', passwordHash, active: true, mustChangePassword: false, locale: 'en' })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0) {
    const [other] = await db
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    // Never promote or reactivate an existing account silently: that is an administrator's decision.
    if (!other || other.role !== 'admin' || !other.active) {
      console.warn(
        `ADMIN_EMAIL ${email} belongs to an existing account that is not an active administrator; no administrator was created.`,
      );
    }
  }
  return inserted.length > 0;
}
