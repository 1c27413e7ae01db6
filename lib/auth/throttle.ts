/** Sign-in throttling counted in PostgreSQL, so it holds across app instances. */
import { and, count, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInAttempts } from '@/db/schema';
import { env } from '@/lib/env';

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function isThrottled(recentFailures: number, maxFailures: number): boolean {
  return recentFailures >= maxFailures;
}

export async function recentFailures(db: DbOrTx, email: string, at: Date): Promise<number> {
  const since = new Date(at.getTime() - env().SIGN_IN_WINDOW_MINUTES * 60_000);
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.emailKey, emailKey(email)), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)));
  return row?.n ?? 0;
}

export async function recordAttempt(db: DbOrTx, email: string, succeeded: boolean, at: Date): Promise<void> {
  await db.insert(signInAttempts).values({ emailKey: emailKey(email), succeeded, at });
}
