/** Sessions end when they should, stay ended, and each end is audited with its reason. */
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditEvents, sessions } from '@/db/schema';
import { actorFor, createUser, TEST_PASSWORD } from '@/lib/testing/factories';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { updateUser } from '@/lib/users/update-user';
import { loadSession } from './session-store';
import { checkCredentials } from './sign-in';

async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
  const r = await checkCredentials({ email, password }, `192.0.2.${Math.floor(Math.random() * 250)}`);
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return r.sessionId;
}

async function endEvents(ids: string[]) {
  const db = await getDb();
  return db.select({ targetId: auditEvents.targetId, action: auditEvents.action, reason: auditEvents.reason }).from(auditEvents).where(and(eq(auditEvents.targetType, 'session'), inArray(auditEvents.targetId, ids), inArray(auditEvents.action, ['session.ended', 'session.signed_out', 'session.idle_timeout'])));
}

const alive = async (sid: string) => 'actor' in (await loadSession(sid, { activity: false }));

describe('ending sessions', () => {
  it('deactivation ends every session for good: reactivation signs nobody back in', async () => {
    const admin = actorFor(await createUser('admin', null));
    const user = await createUser('supervisor', null);
    const sids = [await signIn(user.email), await signIn(user.email)];
    await updateUser(admin, user.id, { active: false });
    await updateUser(admin, user.id, { active: true });
    for (const sid of sids) expect(await loadSession(sid, { activity: true })).toEqual({ ended: 'inactive' });
    expect(await endEvents(sids)).toHaveLength(2);
    expect((await endEvents(sids)).every((e) => e.action === 'session.ended' && e.reason === 'deactivated')).toBe(true);
    // A fresh sign-in after reactivation works.
    expect(await alive(await signIn(user.email))).toBe(true);
  });

  it('a session found inactive is ended in its row, so reactivation cannot revive it either', async () => {
    const admin = actorFor(await createUser('admin', null));
    const user = await createUser('supervisor', null);
    const sid = await signIn(user.email);
    const db = await getDb();
    // Deactivated outside updateUser (say by SQL): the next request ends the row.
    await db.update((await import('@/db/schema')).users).set({ active: false }).where(eq((await import('@/db/schema')).users.id, user.id));
    expect(await loadSession(sid, { activity: true })).toEqual({ ended: 'inactive' });
    await updateUser(admin, user.id, { active: true });
    expect(await loadSession(sid, { activity: true })).toEqual({ ended: 'inactive' });
    const [row] = await db.select({ endReason: sessions.endReason }).from(sessions).where(eq(sessions.id, sid));
    expect(row?.endReason).toBe('inactive');
  });

  it('an admin reset ends all sessions of the person, audited as password_reset', async () => {
    const admin = actorFor(await createUser('admin', null));
    const user = await createUser('supervisor', null);
    const sids = [await signIn(user.email), await signIn(user.email), await signIn(user.email)];
    await updateUser(admin, user.id, { password: 'a temporary password 42' });
    for (const sid of sids) expect(await alive(sid)).toBe(false);
    expect((await endEvents(sids)).map((e) => e.reason)).toEqual(['password_reset', 'password_reset', 'password_reset']);
  });

  it('changing one\u2019s own password ends one\u2019s other sessions and keeps this one', async () => {
    const user = await createUser('supervisor', null);
    const mine = await signIn(user.email);
    const others = [await signIn(user.email), await signIn(user.email)];
    await changeOwnPassword({ ...actorFor(user), sessionId: mine }, { currentPassword: TEST_PASSWORD, newPassword: 'my own new password 77' });
    expect(await alive(mine)).toBe(true);
    for (const sid of others) expect(await alive(sid)).toBe(false);
    expect((await endEvents(others)).map((e) => e.reason)).toEqual(['password_changed', 'password_changed']);
    expect(await endEvents([mine])).toEqual([]);
  });

  it('a session found idle or expired is ended and audited once, however often it is presented', async () => {
    const user = await createUser('supervisor', null);
    const sid = await signIn(user.email);
    const db = await getDb();
    await db.update(sessions).set({ lastActiveAt: new Date(Date.now() - 16 * 60_000) }).where(eq(sessions.id, sid));
    await Promise.all(Array.from({ length: 10 }, () => loadSession(sid, { activity: true })));
    expect(await loadSession(sid, { activity: true })).toEqual({ ended: 'idle' });
    expect(await endEvents([sid])).toEqual([{ targetId: sid, action: 'session.idle_timeout', reason: 'idle' }]);
  });
});
