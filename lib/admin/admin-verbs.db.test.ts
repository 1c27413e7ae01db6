/** Ports, outcome codes, users and intake keys: each verb, its refusals (which change nothing) and its audit event. */
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditEvents, intakeKeys, outcomeCodes, outcomes, ports, sessions, users } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser, uid } from '@/lib/testing/factories';
import type { Actor } from '@/lib/auth/actor';
import { loadSession } from '@/lib/auth/session-store';
import { verifyPassword } from '@/lib/auth/password';
import { setDateLimit } from '@/lib/capacity/set-date-limit';
import { readNationalCap, capacityWindow } from '@/lib/capacity/queries';
import { isAppError } from '@/lib/errors';
import { authenticateIntakeKey } from '@/lib/intake-keys/authenticate';
import { listIntakeKeys } from '@/lib/intake-keys/queries';
import { createIntakeKey, revokeIntakeKey } from '@/lib/intake-keys/write';
import { listOutcomeCodesForAdmin } from '@/lib/outcome-codes/queries';
import { addOutcomeCode, deleteOutcomeCode, updateOutcomeCode } from '@/lib/outcome-codes/write';
import { addPort } from '@/lib/ports/add-port';
import { listPortsForAdmin } from '@/lib/ports/admin-queries';
import { updatePort } from '@/lib/ports/update-port';
import { addDays, now, portToday } from '@/lib/time';
import { listUsersForAdmin } from '@/lib/users/admin-queries';
import { changeOwnPassword } from '@/lib/users/change-own-password';
import { createUser as createAccount } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';

async function admin(): Promise<Actor> {
  return actorFor(await createUser('admin', null));
}

async function caught(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function events(targetId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId));
}

const digits = () => String(1000 + Math.floor(Math.random() * 8999));

describe('ports', () => {
  it('adds a port with a zone from the list, audits it, and refuses bad input and duplicates', async () => {
    const actor = await admin();
    const slug = `laredo-${uid(3)}`;
    const code = digits();
    const port = await addPort(actor, { slug, name: 'Laredo', state: 'TX', code, timeZone: 'America/Chicago', graceMinutes: 20 });
    expect(port).toMatchObject({ slug, active: true, graceMinutes: 20, timeZone: 'America/Chicago' });
    expect(await events(slug)).toMatchObject([{ action: 'port.created', before: null, after: { slug, code } }]);

    const bad = await caught(addPort(actor, { slug: `x-${uid(3)}`, name: 'X', state: 'TX', code: digits(), timeZone: 'Europe/Paris' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields).toHaveProperty('timeZone');
    expect((await caught(addPort(actor, { slug: `y-${uid(3)}`, name: 'Y', state: 'TX', code: digits(), timeZone: 'America/Chicago', graceMinutes: 121 }))).fields).toHaveProperty('graceMinutes');
    const dup = await caught(addPort(actor, { slug, name: 'Again', state: 'TX', code: digits(), timeZone: 'America/Chicago' }));
    expect(dup.fields).toEqual({ slug: 'already in use' });
    expect(await events(slug)).toHaveLength(1);
  });

  it('edits, suspends and reactivates with one event each; suspended ports stay listed as inactive', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Phoenix' });
    await updatePort(actor, port.slug, { graceMinutes: 0, name: 'Renamed' });
    await updatePort(actor, port.slug, { active: false });
    expect((await listPortsForAdmin(actor)).find((p) => p.slug === port.slug)).toMatchObject({ active: false, graceMinutes: 0, name: 'Renamed' });
    await updatePort(actor, port.slug, { active: true });
    const log = await events(port.slug);
    expect(log.map((e) => e.action)).toEqual(['port.updated', 'port.suspended', 'port.reactivated']);
    expect(log[0]).toMatchObject({ before: { graceMinutes: 15, name: port.name }, after: { graceMinutes: 0, name: 'Renamed' } });
    expect((await caught(updatePort(actor, port.slug, { graceMinutes: -1 }))).code).toBe('VALIDATION');
    await createAppointment(port, new Date(Date.now() + 86_400_000));
    expect((await caught(updatePort(actor, port.slug, { timeZone: 'America/Denver' }))).code).toBe('CONFLICT');
  });

  it('refuses reactivating a port whose limits would push a date over the national cap', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Chicago' });
    const date = addDays(portToday(port.timeZone, now()), 40 + Math.floor(Math.random() * 300));
    const db = await getDb();
    const cap = await readNationalCap(db);
    const [day] = await capacityWindow(db, date, date);
    const room = cap - day!.total;
    await setDateLimit(actor, port.slug, date, { limit: room });
    await updatePort(actor, port.slug, { active: false });
    const other = await createPort({ timeZone: 'America/Chicago' });
    await setDateLimit(actor, other.slug, date, { limit: 1 }); // fits now that the first port is suspended
    const error = await caught(updatePort(actor, port.slug, { active: true }));
    expect(error.code).toBe('NATIONAL_CAP_EXCEEDED');
    expect(error.details).toEqual({ date, total: cap + 1, cap });
    const [row] = await db.select({ active: ports.active }).from(ports).where(eq(ports.id, port.id));
    expect(row!.active).toBe(false);
    await setDateLimit(actor, port.slug, date, { limit: 0 }); // leave the shared cap free for other tests
  });
});

describe('outcome codes', () => {
  it('adds, relabels, retires and reactivates, each audited', async () => {
    const actor = await admin();
    const code = `t_${uid(3)}`;
    await addOutcomeCode(actor, { code, labelEn: 'Test outcome', labelEs: 'Resultado de prueba' });
    await updateOutcomeCode(actor, code, { labelEn: 'Renamed', labelEs: 'Renombrado' });
    await updateOutcomeCode(actor, code, { active: false });
    expect((await listOutcomeCodesForAdmin(actor)).find((c) => c.code === code)).toMatchObject({ labelEn: 'Renamed', active: false, uses: 0 });
    await updateOutcomeCode(actor, code, { active: true });
    expect((await events(code)).map((e) => e.action)).toEqual(['outcome_code.created', 'outcome_code.updated', 'outcome_code.retired', 'outcome_code.reactivated']);
    expect((await caught(addOutcomeCode(actor, { code, labelEn: 'Again', labelEs: 'Otra vez' }))).fields).toEqual({ code: 'already exists' });
    expect((await caught(addOutcomeCode(actor, { code: 'Bad Code', labelEn: 'x1', labelEs: 'x1' }))).code).toBe('VALIDATION');
  });

  it('deletes an unused code and refuses deleting one in use (IN_USE), leaving it in place', async () => {
    const actor = await admin();
    const unused = `u_${uid(3)}`;
    const used = `v_${uid(3)}`;
    await addOutcomeCode(actor, { code: unused, labelEn: 'Unused', labelEs: 'Sin uso' });
    await addOutcomeCode(actor, { code: used, labelEn: 'Used', labelEs: 'Usado' });
    const port = await createPort();
    const officer = await createUser('officer', port.id);
    const appt = await createAppointment(port, new Date(Date.now() - 3_600_000), { status: 'processed', arrivedAt: new Date(Date.now() - 3_000_000) });
    const db = await getDb();
    await db.insert(outcomes).values({ appointmentId: appt.id, code: used, recordedAt: new Date(), recordedBy: officer.id });

    await deleteOutcomeCode(actor, unused);
    expect(await db.select().from(outcomeCodes).where(eq(outcomeCodes.code, unused))).toHaveLength(0);
    const error = await caught(deleteOutcomeCode(actor, used));
    expect(error.code).toBe('IN_USE');
    expect(error.message).toContain('1 recorded outcome');
    expect(await db.select().from(outcomeCodes).where(eq(outcomeCodes.code, used))).toHaveLength(1);
    expect((await events(used)).map((e) => e.action)).toEqual(['outcome_code.created']);
    expect((await events(unused)).map((e) => e.action)).toEqual(['outcome_code.created', 'outcome_code.deleted']);
  });
});

describe('users', () => {
  it('creates an account that must change its password, never exposing the hash', async () => {
    const actor = await admin();
    const port = await createPort();
    const email = `new.${uid()}@test.example`;
    const user = await createAccount(actor, { email, name: 'New Officer', role: 'officer', portSlug: port.slug, password: 'a-first-password-123' });
    expect(user).toMatchObject({ email, role: 'officer', portSlug: port.slug, active: true, mustChangePassword: true, lastSignInAt: null });
    expect(JSON.stringify(user)).not.toContain('argon2');
    const log = await events(user.id);
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log[0]!.after)).not.toContain('argon2');
    expect(JSON.stringify(await listUsersForAdmin(actor))).not.toContain('argon2');

    for (const [body, field] of [
      [{ email: 'not-an-email', name: 'X Y', role: 'supervisor', password: 'long-enough-pass' }, 'email'],
      [{ email: `a.${uid()}@test.example`, name: 'X Y', role: 'supervisor', password: 'short' }, 'password'],
      [{ email: `b.${uid()}@test.example`, name: 'X Y', role: 'officer', password: 'long-enough-pass' }, 'portSlug'],
      [{ email: email.toUpperCase(), name: 'X Y', role: 'supervisor', password: 'long-enough-pass' }, 'email'],
    ] as const) {
      const error = await caught(createAccount(actor, body));
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toHaveProperty(field);
    }
  });

  it('changes role and port, and a reset forces a new password and ends open sessions', async () => {
    const actor = await admin();
    const [a, b] = [await createPort(), await createPort()];
    const officer = await createUser('officer', a.id);
    await updateUser(actor, officer.id, { portSlug: b.slug });
    const promoted = await updateUser(actor, officer.id, { role: 'supervisor' });
    expect(promoted).toMatchObject({ role: 'supervisor', portSlug: null });
    const db = await getDb();
    const [session] = await db.insert(sessions).values({ userId: officer.id, expiresAt: new Date(Date.now() + 3_600_000) }).returning();
    await updateUser(actor, officer.id, { password: 'a-brand-new-password' });
    const [row] = await db.select().from(users).where(eq(users.id, officer.id));
    expect(row!.mustChangePassword).toBe(true);
    expect(await verifyPassword(row!.passwordHash, 'a-brand-new-password')).toBe(true);
    expect(await loadSession(session!.id, { activity: false })).toEqual({ ended: 'signed_out' });
    expect((await events(officer.id)).map((e) => e.action)).toEqual(['user.updated', 'user.updated', 'user.password_reset']);
    expect((await caught(updateUser(actor, officer.id, { role: 'officer', portSlug: null }))).code).toBe('VALIDATION');
  });

  it('signs a deactivated person out on their next request', async () => {
    const actor = await admin();
    const port = await createPort();
    const officer = await createUser('officer', port.id);
    const db = await getDb();
    const [session] = await db.insert(sessions).values({ userId: officer.id, expiresAt: new Date(Date.now() + 3_600_000) }).returning();
    expect(await loadSession(session!.id, { activity: false })).toHaveProperty('actor');
    await updateUser(actor, officer.id, { active: false });
    expect(await loadSession(session!.id, { activity: false })).toEqual({ ended: 'inactive' });
    expect(await events(officer.id)).toMatchObject([{ action: 'user.deactivated', before: { active: true }, after: { active: false } }]);
  });

  it('refuses deactivating or demoting the last active admin', async () => {
    const db = await getDb();
    // Other tests create admins concurrently; make this one the last by deactivating the rest.
    const actor = await admin();
    const others = (await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)))).filter((o) => o.id !== actor.userId);
    for (const o of others) await db.update(users).set({ active: false }).where(eq(users.id, o.id));
    const restore = async () => {
      for (const o of others) await db.update(users).set({ active: true }).where(eq(users.id, o.id));
    };
    try {
      await lastAdminChecks(actor);
    } finally {
      await restore();
    }
  });

  async function lastAdminChecks(actor: Actor) {
    const db = await getDb();
    const [n] = await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
    if (Number(n!.n) !== 1) return; // another test file created an admin in between; nothing to assert this run
    for (const body of [{ active: false }, { role: 'supervisor' }]) {
      const error = await caught(updateUser(actor, actor.userId, body));
      expect(error.code).toBe('LAST_ADMIN');
    }
    const [row] = await db.select().from(users).where(eq(users.id, actor.userId));
    expect(row).toMatchObject({ role: 'admin', active: true });
    expect(await events(actor.userId)).toHaveLength(0);
    // With a second admin, the first may step down.
    await createUser('admin', null);
    await updateUser(actor, actor.userId, { role: 'supervisor' });
    expect(await events(actor.userId)).toMatchObject([{ action: 'user.updated', before: { role: 'admin' }, after: { role: 'supervisor' } }]);
  }

  it('lets a person replace their password only with the current one', async () => {
    const user = await createUser('supervisor', null, { mustChangePassword: true });
    const self = { ...actorFor(user), mustChangePassword: true };
    expect((await caught(changeOwnPassword(self, { currentPassword: 'wrong', newPassword: 'my-own-new-password' }))).fields).toHaveProperty('currentPassword');
    expect((await caught(changeOwnPassword(self, { currentPassword: 'correct horse battery staple', newPassword: 'short' }))).fields).toHaveProperty('newPassword');
    await changeOwnPassword(self, { currentPassword: 'correct horse battery staple', newPassword: 'my-own-new-password' });
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(false);
    expect(await verifyPassword(row!.passwordHash, 'my-own-new-password')).toBe(true);
  });
});

describe('intake keys', () => {
  const bearer = (key: string) => new Request('http://x/api/v1/intake/availability', { headers: { Authorization: `Bearer ${key}` } });

  it('shows the key once, stores only its hash, authenticates it, and revokes it at once', async () => {
    const actor = await admin();
    const created = await createIntakeKey(actor, { name: `Upstream ${uid()}` });
    expect(created.key).toMatch(/^prk_[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [row] = await db.select().from(intakeKeys).where(eq(intakeKeys.id, created.id));
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.keyHash).not.toContain(created.key);
    expect(JSON.stringify(await listIntakeKeys(actor))).not.toContain(created.key);

    expect(await authenticateIntakeKey(bearer(created.key))).toEqual({ keyId: created.id, name: created.name });
    const [used] = await db.select().from(intakeKeys).where(eq(intakeKeys.id, created.id));
    expect(used!.lastUsedAt).not.toBeNull();

    await revokeIntakeKey(actor, created.id);
    expect((await caught(authenticateIntakeKey(bearer(created.key)))).code).toBe('UNAUTHENTICATED');
    expect((await caught(authenticateIntakeKey(new Request('http://x')))).code).toBe('UNAUTHENTICATED');
    expect((await caught(authenticateIntakeKey(bearer(`${created.key}x`)))).code).toBe('UNAUTHENTICATED');
    expect((await events(created.id)).map((e) => e.action)).toEqual(['intake_key.created', 'intake_key.revoked']);
    // Revoking again changes nothing.
    await revokeIntakeKey(actor, created.id);
    expect(await events(created.id)).toHaveLength(2);
  });
});

describe('permission matrix (lib layer)', () => {
  it.each(['officer', 'supervisor'] as const)('refuses every admin verb to a %s', async (role) => {
    const port = await createPort();
    const actor = actorFor(await createUser(role, port.id));
    const target = await createUser('officer', port.id);
    const calls: Array<Promise<unknown>> = [
      listPortsForAdmin(actor),
      addPort(actor, { slug: `z-${uid(3)}`, name: 'Z', state: 'TX', code: digits(), timeZone: 'America/Chicago' }),
      updatePort(actor, port.slug, { active: false }),
      listOutcomeCodesForAdmin(actor),
      addOutcomeCode(actor, { code: `w_${uid(3)}`, labelEn: 'W w', labelEs: 'W w' }),
      updateOutcomeCode(actor, 'other', { active: false }),
      deleteOutcomeCode(actor, 'other'),
      listUsersForAdmin(actor),
      createAccount(actor, { email: `q.${uid()}@test.example`, name: 'Q Q', role: 'admin', password: 'long-enough-pass' }),
      updateUser(actor, target.id, { role: 'admin' }),
      listIntakeKeys(actor),
      createIntakeKey(actor, { name: 'Nope' }),
      revokeIntakeKey(actor, '00000000-0000-0000-0000-000000000000'),
    ];
    for (const call of calls) expect((await caught(call)).code).toBe('FORBIDDEN');
    const db = await getDb();
    const [row] = await db.select().from(ports).where(eq(ports.id, port.id));
    expect(row!.active).toBe(true);
  });
});
