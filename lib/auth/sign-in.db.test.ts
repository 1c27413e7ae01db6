import { describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '@/db/testing/factories';
import { checkCredentials } from './sign-in';
import { endSession, loadSession } from './session-store';
import { getDb } from '@/db';
import { sessions, users } from '@/db/schema';
import { eq } from 'drizzle-orm';

describe('sign-in', () => {
  it('signs in with the right password, case-insensitively by email', async () => {
    const user = await createUser('supervisor', null);
    const result = await checkCredentials({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(result.ok).toBe(true);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await createUser('supervisor', null);
    const wrong = await checkCredentials({ email: user.email, password: 'nope' });
    const unknown = await checkCredentials({ email: `nobody-${user.id}@test.example`, password: 'nope' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('throttles after 5 failures in the window, even with the right password', async () => {
    const user = await createUser('admin', null);
    for (let i = 0; i < 5; i++) expect((await checkCredentials({ email: user.email, password: 'bad' })).ok).toBe(false);
    const sixth = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    expect(sixth).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('refuses a deactivated account with the generic message', async () => {
    const user = await createUser('supervisor', null, { active: false });
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('server-side sessions', () => {
  it('re-reads the user on each request: deactivation ends the session', async () => {
    const user = await createUser('supervisor', null);
    const result = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    if (!result.ok) throw new Error('sign-in failed');
    const live = await loadSession(result.sessionId, { activity: false });
    expect('actor' in live && live.actor.role).toBe('supervisor');
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await loadSession(result.sessionId, { activity: false })).toEqual({ ended: 'inactive' });
  });

  it('ends on sign-out', async () => {
    const user = await createUser('supervisor', null);
    const result = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    if (!result.ok) throw new Error('sign-in failed');
    await endSession(result.sessionId);
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'signed_out' });
  });

  it('ends after the idle limit and at the absolute limit', async () => {
    const user = await createUser('officer', null, { role: 'supervisor' });
    const result = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    if (!result.ok) throw new Error('sign-in failed');
    const db = await getDb();
    await db.update(sessions).set({ lastActiveAt: new Date(Date.now() - 16 * 60_000) }).where(eq(sessions.id, result.sessionId));
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'idle' });
    await db.update(sessions).set({ lastActiveAt: new Date(), expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, result.sessionId));
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'expired' });
  });
});
