import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { createUser } from '@/lib/testing/factories';
import { auditEvents, sessions, users } from '@/db/schema';
import { ssoErrorMessageKey, startSsoSession } from './sso';

async function refusals(label: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, 'session.sign_in_refused'), eq(auditEvents.actorLabel, label)));
}

describe('single sign-on', () => {
  it('opens a session only for a verified email of an active account here, with its audit event', async () => {
    const user = await createUser('supervisor', null);
    const result = await startSsoSession({ sub: 'abc', email: user.email.toUpperCase(), email_verified: true });
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'session.signed_in'), eq(auditEvents.targetId, result.sessionId)));
    expect(event).toMatchObject({ actorId: user.id, after: { method: 'sso' } });
    const [row] = await db.select().from(sessions).where(eq(sessions.id, result.sessionId));
    expect(row?.userId).toBe(user.id);
  });

  it('refuses a missing, unverified, unknown or deactivated email, each audited with its reason and no session', async () => {
    const user = await createUser('supervisor', null);
    const db = await getDb();
    const before = (await db.select().from(sessions).where(eq(sessions.userId, user.id))).length;
    const key = user.email.toLowerCase();
    expect(await startSsoSession({ sub: `s-${user.id}` })).toEqual({ ok: false, reason: 'sso_no_email' });
    expect(await startSsoSession({ sub: 'x', email: user.email, email_verified: false })).toEqual({ ok: false, reason: 'sso_unverified' });
    // No claim at all is not a verification either.
    expect(await startSsoSession({ sub: 'x', email: user.email })).toEqual({ ok: false, reason: 'sso_unverified' });
    const stranger = `nobody-${user.id}@test.example`;
    expect(await startSsoSession({ sub: 'y', email: stranger, email_verified: true })).toEqual({ ok: false, reason: 'sso_unknown' });
    // A look-alike (fullwidth @, zero-width space) is not the account.
    expect(await startSsoSession({ sub: 'z', email: user.email.replace('@', '\uFF20'), email_verified: true })).toMatchObject({ ok: false, reason: 'sso_unknown' });
    expect(await startSsoSession({ sub: 'z', email: `\u200B${user.email}`, email_verified: true })).toMatchObject({ ok: false, reason: 'sso_unknown' });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await startSsoSession({ sub: 'x', email: user.email, email_verified: 'true' })).toEqual({ ok: false, reason: 'sso_inactive' });

    expect((await refusals(key)).map((e) => e.reason).sort()).toEqual(['sso_inactive', 'sso_unverified', 'sso_unverified']);
    expect(await refusals(stranger)).toMatchObject([{ reason: 'sso_unknown', actorId: null, targetId: null, after: { method: 'sso', subject: 'y' } }]);
    expect(await refusals(`sso:s-${user.id}`)).toMatchObject([{ reason: 'sso_no_email' }]);
    expect((await db.select().from(sessions).where(eq(sessions.userId, user.id))).length).toBe(before);
  });

  it('maps only known codes to specific messages; anything else is the generic failure', () => {
    expect(ssoErrorMessageKey('sso_refused')).toBe('ssoRefused');
    expect(ssoErrorMessageKey('sso_unverified')).toBe('ssoUnverified');
    expect(ssoErrorMessageKey('Configuration')).toBe('ssoFailed');
    expect(ssoErrorMessageKey(['sso_refused'])).toBeNull();
    expect(ssoErrorMessageKey(undefined)).toBeNull();
  });
});
