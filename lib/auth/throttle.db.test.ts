/**
 * The adversary's view of sign-in throttling: parallel guessing, spraying, and locking an officer out.
 * "Evaluated" = a password actually verified, which leaves a sign_in_attempts row; a throttled attempt
 * leaves none (it is refused before argon2 runs).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { signInAttempts } from '@/db/schema';
import { actorFor, createUser, TEST_PASSWORD, uid } from '@/lib/testing/factories';
import { env } from '@/lib/env';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { checkCredentials, type SignInResult } from './sign-in';
import { emailKey } from './throttle';

async function evaluated(email: string): Promise<number> {
  const db = await getDb();
  return (await db.select().from(signInAttempts).where(and(eq(signInAttempts.emailKey, emailKey(email)), eq(signInAttempts.succeeded, false)))).length;
}

const addr = () => `203.0.113.${Math.floor(Math.random() * 250)}-${uid()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilNotThrottled(attempt: () => Promise<SignInResult>): Promise<{ result: SignInResult; waits: number }> {
  for (let waits = 0; ; waits++) {
    const result = await attempt();
    if (result.ok || result.reason !== 'throttled') return { result, waits };
    if (waits > 5) return { result, waits };
    await sleep(result.retryAfterSeconds * 1000);
  }
}

describe('sign-in throttling under attack', () => {
  for (const n of [30, 100]) {
    it(`${n} parallel wrong guesses for one account: at most the limit are evaluated`, async () => {
      const user = await createUser('officer', null, { role: 'supervisor' });
      const attacker = addr();
      const results = await Promise.all(Array.from({ length: n }, () => checkCredentials({ email: user.email, password: 'guess-123' }, attacker)));
      const limit = env().SIGN_IN_MAX_FAILURES;
      expect(await evaluated(user.email)).toBeLessThanOrEqual(limit);
      expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(limit);
      expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(n - limit);
      console.info(`[figures] ${n} parallel guesses: ${await evaluated(user.email)} evaluated, limit ${limit}`);

      // The right password from a new address is delayed, not locked out for good.
      const { result, waits } = await untilNotThrottled(() => checkCredentials({ email: user.email, password: TEST_PASSWORD }, addr()));
      expect(result.ok).toBe(true);
      expect(waits).toBeGreaterThanOrEqual(1);
    });
  }

  it('the owner\u2019s usual address still signs in at once while strangers hammer the account', async () => {
    const user = await createUser('officer', null, { role: 'supervisor' });
    const kiosk = addr();
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD }, kiosk)).ok).toBe(true);
    await Promise.all(Array.from({ length: 60 }, (_, i) => checkCredentials({ email: user.email, password: `x${i}` }, addr())));
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD }, addr())).toMatchObject({ ok: false, reason: 'throttled' });
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD }, kiosk)).ok).toBe(true);
  });

  it('spraying one password over 50 accounts from one address is refused after the per-address limit', async () => {
    const users = await Promise.all(Array.from({ length: 50 }, () => createUser('officer', null, { role: 'supervisor' })));
    const sprayer = addr();
    const results: SignInResult[] = [];
    for (const u of users) results.push(await checkCredentials({ email: u.email, password: 'Winter2026!' }, sprayer));
    const limit = env().SIGN_IN_ADDRESS_MAX_FAILURES;
    const firstThrottled = results.findIndex((r) => !r.ok && r.reason === 'throttled');
    expect(firstThrottled).toBe(limit);
    expect(results.slice(limit).every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
    // The same accounts still open from another address with the right password.
    expect((await checkCredentials({ email: users[49]!.email, password: TEST_PASSWORD }, addr())).ok).toBe(true);
    console.info(`[figures] spray over 50 accounts: ${firstThrottled} evaluated before refusal`);
  });

  it('spellings of one email (case, fullwidth, zero-width) count against one account', async () => {
    const user = await createUser('officer', null, { role: 'supervisor' });
    const [local, domain] = user.email.split('@') as [string, string];
    const fullwidth = [...local].map((c) => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
    const variants = [user.email.toUpperCase(), `${fullwidth}@${domain}`, `${local}\u200b@${domain}`, ` ${user.email} `];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkCredentials({ email: variants[i % variants.length], password: 'nope' }, addr())));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid').length).toBeLessThanOrEqual(env().SIGN_IN_MAX_FAILURES);
  });

  it('throttles wrong current passwords on the password change the same way', async () => {
    const user = await createUser('officer', null, { role: 'supervisor' });
    const actor = actorFor(user);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        changeOwnPassword(actor, { currentPassword: 'wrong-guess', newPassword: 'a brand new password 1' }).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'VALIDATION').length).toBeLessThanOrEqual(env().SIGN_IN_MAX_FAILURES);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20 - env().SIGN_IN_MAX_FAILURES);
  });
});
