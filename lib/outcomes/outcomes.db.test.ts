import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { appointments, auditEvents, outcomes } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { getAppointmentDetail, getAppointmentHistory } from '@/lib/appointments/queries';
import { revealDocumentNumber } from '@/lib/appointments/reveal-document';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { now } from '@/lib/time';
import { correctAppointment } from './correct';
import { recordOutcome } from './record-outcome';
import { createCheckedIn, createOutcomeCodes, withAuditInsertFailing } from './testing';

type Port = Awaited<ReturnType<typeof createPort>>;
let port: Port;
let otherPort: Port;
let officer: Actor;
let otherOfficer: Actor;
let supervisor: Actor;
let admin: Actor;
let codes: Awaited<ReturnType<typeof createOutcomeCodes>>;

beforeAll(async () => {
  port = await createPort({ timeZone: 'America/Los_Angeles' });
  otherPort = await createPort();
  officer = actorFor(await createUser('officer', port.id), port.slug);
  otherOfficer = actorFor(await createUser('officer', otherPort.id), otherPort.slug);
  supervisor = actorFor(await createUser('supervisor', null));
  admin = actorFor(await createUser('admin', null));
  codes = await createOutcomeCodes();
});

async function eventsFor(id: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.targetType, 'appointment'), eq(auditEvents.targetId, id))).orderBy(auditEvents.id);
}

async function rowOf(id: string) {
  const db = await getDb();
  const [a] = await db.select().from(appointments).where(eq(appointments.id, id));
  const [o] = await db.select().from(outcomes).where(eq(outcomes.appointmentId, id));
  return { a: a!, o: o ?? null };
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('recordOutcome', () => {
  it('processes a checked-in appointment and writes exactly one audit event with before and after', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    const { appointment } = await recordOutcome(officer, appt.id, {
      code: codes.note,
      notes: 'first line\nsecond line',
      interpreterUsed: true,
      interpreterLanguage: 'ht',
      expectedVersion: 2,
    });
    expect(appointment).toMatchObject({ status: 'processed', version: 3, outcome: { code: codes.note, notes: 'first line\nsecond line', interpreterLanguage: 'ht', recordedBy: officer.name } });
    const { a, o } = await rowOf(appt.id);
    expect(a.status).toBe('processed');
    expect(o).toMatchObject({ code: codes.note, notes: 'first line\nsecond line', interpreterLanguage: 'ht', recordedBy: officer.userId });
    const events = await eventsFor(appt.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'appointment.outcome_recorded',
      actorId: officer.userId,
      actorRole: 'officer',
      portId: port.id,
      before: { status: 'checked_in', outcome: null, version: 2 },
      after: { status: 'processed', outcome: { code: codes.note, notes: 'first line\nsecond line', interpreterLanguage: 'ht' }, version: 3 },
    });
  });

  it.each([
    ['a note-requiring code without notes', () => ({ code: codes.note }), 'notes'],
    ['a retired code', () => ({ code: codes.retired }), 'code'],
    ['an unknown code', () => ({ code: 'no_such_code' }), 'code'],
    ['an interpreter without a language', () => ({ code: codes.plain, interpreterUsed: true }), 'interpreterLanguage'],
  ])('refuses %s with a field message and writes nothing', async (_name, input, field) => {
    const appt = await createCheckedIn(port, officer.userId);
    const error = await errorOf(recordOutcome(officer, appt.id, input()));
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual([field]);
    expect((await rowOf(appt.id)).a.status).toBe('checked_in');
    expect(await eventsFor(appt.id)).toHaveLength(0);
  });

  it.each(['scheduled', 'late', 'cancelled'] as const)('refuses a %s appointment with CONFLICT', async (status) => {
    const at = now();
    const appt = await createAppointment(port, new Date(at.getTime() + 3_600_000), {
      status,
      arrivedAt: status === 'late' ? at : null,
    });
    const error = await errorOf(recordOutcome(officer, appt.id, { code: codes.plain }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.appointment).toMatchObject({ id: appt.id, status });
    expect(await eventsFor(appt.id)).toHaveLength(0);
  });

  it('gives the second of two officers STALE_VERSION with the current values, never an overwrite', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    const second = actorFor(await createUser('officer', port.id), port.slug);
    const results = await Promise.allSettled([
      recordOutcome(officer, appt.id, { code: codes.plain, expectedVersion: 2 }),
      recordOutcome(second, appt.id, { code: codes.note, notes: 'mine', expectedVersion: 2 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as AppError;
    expect(error.code).toBe('STALE_VERSION');
    expect(error.status).toBe(412);
    const { o } = await rowOf(appt.id);
    expect(error.details?.appointment).toMatchObject({ status: 'processed', version: 3, outcome: { code: o!.code } });
    expect(await eventsFor(appt.id)).toHaveLength(1);
  });

  it('hides another port’s appointment (NOT_FOUND)', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    expect((await errorOf(recordOutcome(otherOfficer, appt.id, { code: codes.plain }))).code).toBe('NOT_FOUND');
    expect((await errorOf(recordOutcome(officer, 'not-a-uuid', { code: codes.plain }))).code).toBe('NOT_FOUND');
  });

  it('acts once for an outcome replayed with the same idempotency key (body or header), and returns the first answer', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    const body = { code: codes.plain, expectedVersion: 2, idempotencyKey: `out-${appt.id}` };
    const first = await recordOutcome(officer, appt.id, body);
    // The second delivery (the kiosk did not hear the first answer) names the key in the header only.
    const { idempotencyKey, ...rest } = body;
    const again = await recordOutcome(officer, appt.id, rest, idempotencyKey);
    expect(again).toEqual(first);
    expect(again.appointment).toMatchObject({ status: 'processed', version: 3 });
    expect((await eventsFor(appt.id)).map((e) => e.action)).toEqual(['appointment.outcome_recorded']);
    // Without the key the same body is a new request, refused because the record changed (no silent double).
    expect((await errorOf(recordOutcome(officer, appt.id, rest))).code).toBe('STALE_VERSION');
  });

  it('refuses a queued outcome edited to another appointment: another port is NOT_FOUND, the same key elsewhere is a mismatch', async () => {
    const mine = await createCheckedIn(port, officer.userId);
    const elsewhere = await createCheckedIn(otherPort, otherOfficer.userId);
    const key = `edited-${mine.id}`;
    expect((await errorOf(recordOutcome(officer, elsewhere.id, { code: codes.plain, idempotencyKey: key }))).code).toBe('NOT_FOUND');
    expect((await rowOf(elsewhere.id)).a.status).toBe('checked_in');
    await recordOutcome(officer, mine.id, { code: codes.plain, idempotencyKey: key });
    const sibling = await createCheckedIn(port, officer.userId);
    const mismatch = await errorOf(recordOutcome(officer, sibling.id, { code: codes.plain, idempotencyKey: key }));
    expect(mismatch.code).toBe('IDEMPOTENCY_MISMATCH');
    expect((await rowOf(sibling.id)).a.status).toBe('checked_in');
    expect(await eventsFor(sibling.id)).toHaveLength(0);
  });

  it('leaves the appointment unchanged when the audit insert fails', async () => {
    const failing = await createPort();
    const failingOfficer = actorFor(await createUser('officer', failing.id), failing.slug);
    const appt = await createCheckedIn(failing, failingOfficer.userId);
    const before = await rowOf(appt.id);
    await withAuditInsertFailing(failing.id, async () => {
      await expect(recordOutcome(failingOfficer, appt.id, { code: codes.plain, expectedVersion: 2 })).rejects.toThrow();
    });
    const after = await rowOf(appt.id);
    expect(after).toEqual(before);
    expect(after.o).toBeNull();
    expect(await eventsFor(appt.id)).toHaveLength(0);
  });
});

describe('correctAppointment', () => {
  it('replaces an outcome with a reason and keeps before and after in one event', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    await recordOutcome(officer, appt.id, { code: codes.plain, expectedVersion: 2 });
    const { appointment } = await correctAppointment(supervisor, appt.id, {
      outcome: { code: codes.note, notes: 'wrong code\nfixed' },
      reason: 'Officer picked the wrong code',
      expectedVersion: 3,
    });
    expect(appointment).toMatchObject({ status: 'processed', version: 4, outcome: { code: codes.note, notes: 'wrong code\nfixed' } });
    const events = await eventsFor(appt.id);
    expect(events.map((e) => e.action)).toEqual(['appointment.outcome_recorded', 'appointment.corrected']);
    expect(events[1]).toMatchObject({
      actorId: supervisor.userId,
      actorRole: 'supervisor',
      reason: 'Officer picked the wrong code',
      before: { status: 'processed', outcome: { code: codes.plain, notes: null, interpreterLanguage: null }, version: 3 },
      after: { status: 'processed', outcome: { code: codes.note, notes: 'wrong code\nfixed', interpreterLanguage: null }, version: 4 },
    });
    const { o } = await rowOf(appt.id);
    expect(o).toMatchObject({ code: codes.note, recordedBy: supervisor.userId });
  });

  it('corrects a status: late to checked in keeps the arrival, checked in to no-show clears it', async () => {
    const appt = await createCheckedIn(port, officer.userId, { status: 'late' });
    await correctAppointment(admin, appt.id, { status: 'checked_in', reason: 'Queue delay at the gate', expectedVersion: 2 });
    let { a } = await rowOf(appt.id);
    expect(a).toMatchObject({ status: 'checked_in', version: 3 });
    expect(a.arrivedAt).not.toBeNull();
    await correctAppointment(supervisor, appt.id, { status: 'no_show', reason: 'Checked in the wrong person', expectedVersion: 3 });
    ({ a } = await rowOf(appt.id));
    expect(a).toMatchObject({ status: 'no_show', arrivedAt: null, arrivedBy: null, membersPresent: null, version: 4 });
    const events = await eventsFor(appt.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ before: { status: 'checked_in', membersPresent: 1 }, after: { status: 'no_show', arrivedAt: null, membersPresent: null }, reason: 'Checked in the wrong person' });
  });

  it('refuses officers (FORBIDDEN), a missing reason (VALIDATION) and a stale version (STALE_VERSION)', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    expect((await errorOf(correctAppointment(officer, appt.id, { status: 'late', reason: 'x', expectedVersion: 2 }))).code).toBe('FORBIDDEN');
    const noReason = await errorOf(correctAppointment(supervisor, appt.id, { status: 'late', reason: '  ', expectedVersion: 2 }));
    expect(noReason.code).toBe('VALIDATION');
    expect(Object.keys(noReason.fields ?? {})).toContain('reason');
    const stale = await errorOf(correctAppointment(supervisor, appt.id, { status: 'late', reason: 'x', expectedVersion: 1 }));
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.details?.appointment).toMatchObject({ id: appt.id, version: 2, status: 'checked_in' });
    expect((await rowOf(appt.id)).a.version).toBe(2);
    expect(await eventsFor(appt.id)).toHaveLength(0);
  });

  it('never drops an outcome: processed stays processed', async () => {
    const appt = await createCheckedIn(port, officer.userId);
    await recordOutcome(officer, appt.id, { code: codes.plain });
    expect((await errorOf(correctAppointment(supervisor, appt.id, { status: 'checked_in', reason: 'x', expectedVersion: 3 }))).code).toBe('CONFLICT');
    expect((await rowOf(appt.id)).o).not.toBeNull();
  });

  it('leaves the appointment and outcome unchanged when the audit insert fails', async () => {
    const failing = await createPort();
    const appt = await createCheckedIn(failing, officer.userId);
    const before = await rowOf(appt.id);
    await withAuditInsertFailing(failing.id, async () => {
      await expect(correctAppointment(supervisor, appt.id, { outcome: { code: codes.plain }, reason: 'r', expectedVersion: 2 })).rejects.toThrow();
    });
    expect(await rowOf(appt.id)).toEqual(before);
    expect(await eventsFor(appt.id)).toHaveLength(0);
  });
});

describe('the appointment record', () => {
  it('shows the history newest first, masks the document, and hides other ports', async () => {
    const appt = await createCheckedIn(port, officer.userId, { documentNumber: 'G12345678' });
    await recordOutcome(officer, appt.id, { code: codes.plain });
    await correctAppointment(supervisor, appt.id, { outcome: { code: codes.note, notes: 'n' }, reason: 'why', expectedVersion: 3 });
    const detail = await getAppointmentDetail(officer, appt.id);
    expect(detail.person.documentNumber).toBe('••••5678');
    expect(detail.history.map((h) => [h.action, h.actor, h.reason])).toEqual([
      ['appointment.corrected', supervisor.name, 'why'],
      ['appointment.outcome_recorded', officer.name, null],
    ]);
    expect(detail.history[0]!.before).toMatchObject({ outcome: { code: codes.plain } });
    expect(detail.history[0]!.after).toMatchObject({ outcome: { code: codes.note } });
    expect((await errorOf(getAppointmentDetail(otherOfficer, appt.id))).code).toBe('NOT_FOUND');
    expect((await getAppointmentDetail(supervisor, appt.id)).appointment.id).toBe(appt.id);
    // The record page streams the history on its own: the same rows, the same scope.
    expect(await getAppointmentHistory(officer, appt.id)).toEqual(detail.history);
    for (const id of [appt.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect((await errorOf(getAppointmentHistory(otherOfficer, id))).code).toBe('NOT_FOUND');
    }
  });

  it('reveals the document number to supervisors only, writing one audit event without the number', async () => {
    const appt = await createCheckedIn(port, officer.userId, { documentNumber: 'P99887766' });
    expect((await errorOf(revealDocumentNumber(officer, appt.id))).code).toBe('FORBIDDEN');
    expect(await revealDocumentNumber(supervisor, appt.id)).toEqual({ documentNumber: 'P99887766' });
    const events = await eventsFor(appt.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'appointment.document_revealed', actorId: supervisor.userId, before: null, after: { documentPresent: true } });
    expect(JSON.stringify(events[0])).not.toContain('P99887766');
    const failing = await createPort();
    const hidden = await createCheckedIn(failing, officer.userId, { documentNumber: 'X1234567' });
    await withAuditInsertFailing(failing.id, async () => {
      await expect(revealDocumentNumber(admin, hidden.id)).rejects.toThrow();
    });
  });
});
