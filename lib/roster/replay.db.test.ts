import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { appointmentFlags, auditEvents } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { listOpenFlags, offlineTapTimes } from '@/lib/intake/flag-queries';
import { now } from '@/lib/time';
import { checkIn } from './check-in';
import { markNoShow } from './no-show';
import { undoArrival } from './undo';

/** A port whose local time is far from midnight, and an appointment whose deadline is `deadlineFromNow` minutes away. */
async function setup(deadlineFromNow: number) {
  const at = now();
  const zone = ['America/Phoenix', 'Asia/Tokyo', 'Europe/London', 'Pacific/Honolulu'].find((tz) => {
    const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(at));
    return h >= 3 && h <= 20;
  })!;
  const port = await createPort({ timeZone: zone, graceMinutes: 15 });
  const officer = actorFor(await createUser('officer', port.id), port.slug);
  const appt = await createAppointment(port, new Date(at.getTime() + (deadlineFromNow - 15) * 60_000));
  return { port, officer, appt };
}

async function events(targetId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.targetType, 'appointment'), eq(auditEvents.targetId, targetId)));
}

const MIN = 60_000;

describe('a replayed offline tap', () => {
  it('inside the bound is judged at the corrected tap time, and the audit says when it was recorded and received', async () => {
    // Deadline 3 minutes ago; tapped 5 minutes ago on a kiosk whose clock is 2 minutes behind the server.
    const { officer, appt } = await setup(-3);
    const tappedAt = now().getTime() - 7 * MIN;
    const { appointment } = await checkIn(officer, appt.id, { tappedAt, clockOffsetMs: 2 * MIN, idempotencyKey: 'k-in-bound' });
    expect(appointment.status).toBe('checked_in');
    expect(Math.abs(Date.parse(appointment.arrivedAt!) - (tappedAt + 2 * MIN))).toBeLessThan(1_000);
    const [event] = await events(appt.id);
    expect(event!.reason).toMatch(/^Recorded offline at \S+, received at \S+\.$/);
    expect(event!.after).toMatchObject({ status: 'checked_in', offline: { review: false } });
    // The same tap without the replay fields would have been late.
    const live = await setup(-3);
    expect((await checkIn(live.officer, live.appt.id, {})).appointment.status).toBe('late');
  });

  it('older than the bound is judged at the received time and goes to the review queue with both times', async () => {
    const { appt, officer, port } = await setup(-3);
    const tappedAt = now().getTime() - 12 * MIN;
    expect((await checkIn(officer, appt.id, { tappedAt, clockOffsetMs: 0 })).appointment.status).toBe('late');
    const supervisor = actorFor(await createUser('supervisor', port.id), port.slug);
    const flag = (await listOpenFlags(supervisor, 1000)).find((f) => f.appointment.id === appt.id);
    expect(flag?.kind).toBe('offline_tap');
    expect(Date.parse(offlineTapTimes(flag!.matchReasons)!.recordedAt)).toBe(tappedAt);
    const [event] = await events(appt.id);
    expect(event!.reason).toContain('sent to review');
  });

  it.each([
    ['in the future', () => ({ tappedAt: now().getTime() + 5 * MIN, clockOffsetMs: 0 }), 'tappedAt'],
    ['days old', () => ({ tappedAt: new Date(now().getTime() - 3 * 86_400_000).toISOString(), clockOffsetMs: 0 }), 'tappedAt'],
    ['without the measured offset', () => ({ tappedAt: now().getTime() }), 'clockOffsetMs'],
    ['with an absurd offset', () => ({ tappedAt: now().getTime(), clockOffsetMs: 9e12 }), 'clockOffsetMs'],
  ])('is refused with a 400 and stores nothing when %s', async (_name, body, field) => {
    const { officer, appt } = await setup(20);
    await expect(checkIn(officer, appt.id, body())).rejects.toMatchObject({ code: 'VALIDATION', status: 400, fields: { [field]: expect.any(String) } });
    await expect(markNoShow(officer, appt.id, body())).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await events(appt.id)).toHaveLength(0);
  });
});

describe('idempotency of no-show and undo', () => {
  it('a no-show and an undo sent twice with the same key act once and answer the same', async () => {
    const { officer, appt } = await setup(-3);
    const first = await markNoShow(officer, appt.id, { idempotencyKey: 'ns-1' });
    expect(await markNoShow(officer, appt.id, { idempotencyKey: 'ns-1' })).toEqual(first);
    const undone = await undoArrival(officer, appt.id, {}, 'undo-1');
    expect(await undoArrival(officer, appt.id, {}, 'undo-1')).toEqual(undone);
    expect((await events(appt.id)).map((e) => e.action)).toEqual(['appointment.no_show_marked', 'appointment.arrival_undone']);
  });

  it('a key reused for another appointment is refused', async () => {
    const a = await setup(-3);
    const other = await createAppointment(a.port, new Date(now().getTime() - 18 * MIN));
    await markNoShow(a.officer, a.appt.id, { idempotencyKey: 'ns-reuse' });
    await expect(markNoShow(a.officer, other.id, { idempotencyKey: 'ns-reuse' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
  });
});

describe('an offline queue entry edited by hand to another appointment', () => {
  it('is refused by the port scope check when that appointment is at another port, and nothing changes there', async () => {
    const mine = await setup(20);
    const elsewhere = await setup(20);
    for (const verb of [
      () => checkIn(mine.officer, elsewhere.appt.id, { idempotencyKey: 'edited', tappedAt: now().getTime(), clockOffsetMs: 0 }),
      () => markNoShow(mine.officer, elsewhere.appt.id, { idempotencyKey: 'edited-ns' }),
      () => undoArrival(mine.officer, elsewhere.appt.id, { idempotencyKey: 'edited-undo' }),
    ]) {
      await expect(verb()).rejects.toMatchObject({ status: 404 });
    }
    expect(await events(elsewhere.appt.id)).toHaveLength(0);
    const db = await getDb();
    expect(await db.select().from(appointmentFlags).where(eq(appointmentFlags.appointmentId, elsewhere.appt.id))).toHaveLength(0);
  });
});
