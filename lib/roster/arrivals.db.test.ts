import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { appointments, auditEvents } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser, uid } from '@/lib/testing/factories';
import { now } from '@/lib/time';
import { checkIn } from './check-in';
import { markNoShow } from './no-show';
import { undoArrival } from './undo';
import { locateCode } from './lookup';
import { appointmentById } from '@/lib/appointments/load';

async function setup(minutesFromNow: number, partySize = 1) {
  // Phoenix has no DST, and a port-local "today" is guaranteed for +-20 minutes except right at midnight;
  // pick the zone whose local time is furthest from midnight so the appointment stays on today's date.
  const at = now();
  const zones = ['America/Phoenix', 'Asia/Tokyo', 'Europe/London', 'Pacific/Honolulu'];
  const zone = zones.find((tz) => {
    const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(at));
    return h >= 3 && h <= 20;
  })!;
  const port = await createPort({ timeZone: zone });
  const officer = actorFor(await createUser('officer', port.id), port.slug);
  const appt = await createAppointment(port, new Date(at.getTime() + minutesFromNow * 60_000), { partySize });
  return { port, officer, appt };
}

async function auditCount(targetId: string) {
  const db = await getDb();
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.targetType, 'appointment'), eq(auditEvents.targetId, targetId)));
  return rows[0]!.n;
}

describe('check-in', () => {
  it('checks in before the deadline and records members present', async () => {
    const { officer, appt } = await setup(30, 4);
    const { appointment } = await checkIn(officer, appt.id, { membersPresent: 3 });
    expect(appointment).toMatchObject({ status: 'checked_in', membersPresent: 3, arrivedBy: officer.name });
    expect(await auditCount(appt.id)).toBe(1);
  });

  it('records a late arrival after the deadline: slot forfeited, arrival kept', async () => {
    const { officer, appt } = await setup(-120);
    const { appointment } = await checkIn(officer, appt.id, {});
    expect(appointment.status).toBe('late');
    expect(appointment.arrivedAt).not.toBeNull();
  });

  it('refuses more members than the party', async () => {
    const { officer, appt } = await setup(10, 2);
    await expect(checkIn(officer, appt.id, { membersPresent: 3 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('lets exactly one of 20 concurrent check-ins win, with one audit event', async () => {
    const { port, appt } = await setup(10);
    const kiosks = await Promise.all(Array.from({ length: 20 }, async () => actorFor(await createUser('officer', port.id), port.slug)));
    const results = await Promise.allSettled(kiosks.map((k) => checkIn(k, appt.id, {})));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code);
    expect(ok).toHaveLength(1);
    expect(refused).toEqual(Array(19).fill('ALREADY_ARRIVED'));
    expect(await auditCount(appt.id)).toBe(1);
  });

  it('tells the losing kiosk who checked the person in', async () => {
    const { port, officer, appt } = await setup(10);
    await checkIn(officer, appt.id, {});
    const other = actorFor(await createUser('officer', port.id), port.slug);
    const error = await checkIn(other, appt.id, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ALREADY_ARRIVED', details: { appointment: { status: 'checked_in', arrivedBy: officer.name } } });
  });

  it('replays an idempotent check-in instead of refusing it', async () => {
    const { officer, appt } = await setup(10);
    const key = uid(8);
    const first = await checkIn(officer, appt.id, { idempotencyKey: key });
    const again = await checkIn(officer, appt.id, { idempotencyKey: key });
    expect(again).toEqual(first);
    expect(await auditCount(appt.id)).toBe(1);
  });

  it('hides another port’s appointment as not found', async () => {
    const { appt } = await setup(10);
    const elsewhere = await createPort();
    const stranger = actorFor(await createUser('officer', elsewhere.id), elsewhere.slug);
    await expect(checkIn(stranger, appt.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const located = await locateCode(stranger, appt.confirmationCode);
    expect(located).toMatchObject({ visible: false, appointmentId: null });
  });
});

describe('no-show and undo', () => {
  it('refuses a no-show mark before the deadline and accepts it after', async () => {
    const early = await setup(30);
    await expect(markNoShow(early.officer, early.appt.id)).rejects.toMatchObject({ code: 'DEADLINE_NOT_PASSED' });
    const past = await setup(-30);
    expect((await markNoShow(past.officer, past.appt.id)).appointment.status).toBe('no_show');
    // A marked no-show who turns up is recorded as late.
    expect((await checkIn(past.officer, past.appt.id, {})).appointment.status).toBe('late');
  });

  it('ends a check-in racing a no-show mark in exactly one state', async () => {
    const { port, officer, appt } = await setup(-30);
    const other = actorFor(await createUser('officer', port.id), port.slug);
    await Promise.allSettled([checkIn(officer, appt.id, {}), markNoShow(other, appt.id)]);
    const db = await getDb();
    const [row] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, appt.id));
    expect(['late', 'no_show']).toContain(row!.status);
    const events = await auditCount(appt.id);
    expect(row!.status === 'late' ? [1, 2] : [1]).toContain(events);
  });

  it('undoes within two minutes, only for the same officer, and refuses afterwards', async () => {
    const { port, officer, appt } = await setup(10);
    await checkIn(officer, appt.id, {});
    const other = actorFor(await createUser('officer', port.id), port.slug);
    await expect(undoArrival(other, appt.id)).rejects.toMatchObject({ code: 'UNDO_EXPIRED' });
    expect((await undoArrival(officer, appt.id)).appointment.status).toBe('scheduled');
    await checkIn(officer, appt.id, {});
    const db = await getDb();
    await db.update(appointments).set({ statusChangedAt: new Date(now().getTime() - 121_000) }).where(eq(appointments.id, appt.id));
    await expect(undoArrival(officer, appt.id)).rejects.toMatchObject({ code: 'UNDO_EXPIRED' });
  });

  it('acts once for a replayed key, answers with the row as stored, and lets one of ten concurrent marks win', async () => {
    const { officer, appt } = await setup(-30);
    const key = uid(8);
    const marks = await Promise.allSettled(Array.from({ length: 10 }, () => markNoShow(officer, appt.id, { idempotencyKey: key })));
    const answers = marks.filter((m) => m.status === 'fulfilled').map((m) => (m as PromiseFulfilledResult<Awaited<ReturnType<typeof markNoShow>>>).value);
    // The same key: every caller gets the first answer (or waits for it), none acts twice.
    expect(answers.length).toBe(10);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]!.appointment).toEqual(await appointmentById(await getDb(), appt.id, now()));
    expect(await auditCount(appt.id)).toBe(1);
    // Undo with a key, replayed: one more event, the stored answer again.
    const undoKey = uid(8);
    const undone = await undoArrival(officer, appt.id, { idempotencyKey: undoKey });
    expect(undone.appointment.version).toBe(answers[0]!.appointment.version + 1);
    const [stored] = await (await getDb()).select({ status: appointments.status, version: appointments.version }).from(appointments).where(eq(appointments.id, appt.id));
    // Stored back as scheduled (it reads as no-show again: the deadline has passed).
    expect(stored).toEqual({ status: 'scheduled', version: undone.appointment.version });
    expect(await undoArrival(officer, appt.id, { idempotencyKey: undoKey })).toEqual(undone);
    expect(await auditCount(appt.id)).toBe(2);
  });
});
