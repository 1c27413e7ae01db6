import { describe, expect, it } from 'vitest';
import { createPort, createUser, TEST_PASSWORD } from '@/lib/testing/factories';
import { checkCredentials } from './sign-in';
import { endOneSession } from './end-sessions';
import { loadSession } from './session-store';
import { getDb } from '@/lib/database';
import { auditEvents, sessions, signInAttempts, users } from '@/db/schema';
import { and, eq } from 'drizzle-orm';
import { personActor } from '@/lib/audit/actor';

async function auditOf(action: string, label: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorLabel, label)));
}

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

describe('sign-in audit', () => {
  it('audits every refused sign-in with the typed email as the label, never the password, alongside the throttle count', async () => {
    const port = await createPort();
    const user = await createUser('officer', port.id);
    await checkCredentials({ email: user.email, password: 'wrong-password-123' });
    const unknown = `nobody-${user.id}@test.example`;
    await checkCredentials({ email: unknown, password: 'wrong-password-123' });
    const [known] = await auditOf('session.sign_in_refused', user.email.toLowerCase());
    expect(known).toMatchObject({ targetType: 'user', targetId: user.id, portId: port.id, reason: 'invalid', actorId: null });
    expect(JSON.stringify(known)).not.toContain('wrong-password-123');
    const [stranger] = await auditOf('session.sign_in_refused', unknown);
    expect(stranger).toMatchObject({ targetId: null, portId: null, reason: 'invalid' });
    const db = await getDb();
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.emailKey, unknown))).toHaveLength(1);
  });

  it('audits a throttled attempt as an aggregated anonymous refusal, without checking the password', async () => {
    const user = await createUser('supervisor', null);
    const address = `198.51.100.${user.id.slice(0, 4)}`;
    for (let i = 0; i < 6; i++) await checkCredentials({ email: user.email, password: 'bad' }, address);
    const events = await auditOf('session.sign_in_refused', user.email.toLowerCase());
    expect(events.map((e) => e.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
    const db = await getDb();
    const throttled = await db.select().from(auditEvents).where(eq(auditEvents.action, 'access.denied'));
    expect(throttled.filter((e) => (e.after as { address?: string } | null)?.address === address)).toMatchObject([
      { reason: 'sign-in throttled (pair limit)', after: { status: 429, code: 'RATE_LIMITED', countThisMinute: 1 } },
    ]);
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
    await (await getDb()).transaction((tx) => endOneSession(tx, result.sessionId, 'signed_out', personActor({ userId: user.id, role: user.role }), null));
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'signed_out' });
  });

  it('ends after the idle limit and at the absolute limit', async () => {
    const user = await createUser('officer', null, { role: 'supervisor' });
    const result = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    if (!result.ok) throw new Error('sign-in failed');
    const db = await getDb();
    await db.update(sessions).set({ lastActiveAt: new Date(Date.now() - 16 * 60_000) }).where(eq(sessions.id, result.sessionId));
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'idle' });
    // An ended session stays ended with its first reason; the absolute limit is shown on another one.
    const second = await checkCredentials({ email: user.email, password: TEST_PASSWORD });
    if (!second.ok) throw new Error('sign-in failed');
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, second.sessionId));
    expect(await loadSession(second.sessionId, { activity: true })).toEqual({ ended: 'expired' });
    expect(await loadSession(result.sessionId, { activity: true })).toEqual({ ended: 'idle' });
  });
});
