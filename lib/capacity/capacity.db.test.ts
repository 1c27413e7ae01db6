import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { auditEvents, dateLimitOverrides, nationalCap, weekdayLimits } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { isAppError } from '@/lib/errors';
import { addDays, isoWeekday, now, portLocalInstant, portToday } from '@/lib/time';
import { capacityCalendar, capacityWindow, readNationalCap } from './queries';
import { WEEKDAY_KEYS } from './rules';
import { deleteDateLimit, setDateLimit } from './set-date-limit';
import { setNationalCap } from './set-national-cap';
import { setWeekdayLimits } from './set-weekday-limits';

const all = (n: number) => Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, n])) as Record<(typeof WEEKDAY_KEYS)[number], number>;

async function admin() {
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

async function auditCount(targetId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.targetId, targetId));
  return Number(row?.n ?? 0);
}

async function override(portId: number, date: string) {
  const db = await getDb();
  const [row] = await db
    .select({ limit: dateLimitOverrides.dailyLimit })
    .from(dateLimitOverrides)
    .where(and(eq(dateLimitOverrides.portId, portId), eq(dateLimitOverrides.serviceDate, date)));
  return row?.limit ?? null;
}

/** A date well inside the guard's window, different per test to avoid other tests' rows. */
function futureDate(tz: string, minDays = 30) {
  return addDays(portToday(tz, now()), minDays + Math.floor(Math.random() * 300));
}

describe('capacity writes', () => {
  it('sets weekday defaults in one audited action and shows them on the calendar', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Los_Angeles' });
    const limits = { mon: 3, tue: 3, wed: 3, thu: 3, fri: 3, sat: 1, sun: 0 };
    await setWeekdayLimits(actor, port.slug, limits);
    const cal = await capacityCalendar(actor, { port: port.slug });
    expect(cal.days).toHaveLength(60);
    for (const d of cal.days) {
      expect(d.limit).toBe(limits[WEEKDAY_KEYS[isoWeekday(d.date) - 1]!]);
      expect(d.source).toBe('weekday');
      expect(d.remaining).toBe(d.limit);
    }
    expect(cal.weekdays[port.slug]).toEqual(limits);
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(eq(auditEvents.targetId, port.slug));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'capacity.weekdays_set', before: { weekdays: all(0) }, after: { weekdays: limits } });
  });

  it('marks overrides and closures, counts only active bookings, and removes an override', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Chicago' });
    await setWeekdayLimits(actor, port.slug, all(4));
    const date = futureDate(port.timeZone);
    const closed = addDays(date, 1);
    await createAppointment(port, portLocalInstant(date, 9 * 60, port.timeZone));
    await createAppointment(port, portLocalInstant(date, 10 * 60, port.timeZone), { status: 'cancelled' });
    await setDateLimit(actor, port.slug, date, { limit: 6 });
    await setDateLimit(actor, port.slug, closed, { limit: 0 });
    const cal = await capacityCalendar(actor, { port: port.slug, from: date, to: addDays(date, 2) });
    expect(cal.days.map((d) => [d.date, d.limit, d.booked, d.remaining, d.source])).toEqual([
      [date, 6, 1, 5, 'override'],
      [closed, 0, 0, 0, 'override'],
      [addDays(date, 2), 4, 0, 4, 'weekday'],
    ]);
    expect(await deleteDateLimit(actor, port.slug, date)).toMatchObject({ removed: true });
    expect(await override(port.id, date)).toBeNull();
    expect(await auditCount(`${port.slug}/${date}`)).toBe(2);
    expect(await auditCount(`${port.slug}/${closed}`)).toBe(1);
  });

  it('refuses a closure below what is booked, naming the count, and changes nothing', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Denver' });
    await setWeekdayLimits(actor, port.slug, all(5));
    const date = futureDate(port.timeZone);
    for (const h of [8, 9]) await createAppointment(port, portLocalInstant(date, h * 60, port.timeZone));
    const error = await caught(setDateLimit(actor, port.slug, date, { limit: 0 }));
    expect(error.code).toBe('LIMIT_BELOW_BOOKED');
    expect(error.message).toContain('2 booked');
    expect(error.message).toContain(date);
    expect(error.es).toContain('2 citas');
    expect(error.details).toEqual({ date, limit: 0, booked: 2 });
    expect(await override(port.id, date)).toBeNull();
    expect(await auditCount(`${port.slug}/${date}`)).toBe(0);
    // Exactly the booked count is allowed.
    await setDateLimit(actor, port.slug, date, { limit: 2 });
    expect(await override(port.id, date)).toBe(2);
  });

  it('refuses lowering a weekday default below a booked future date', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Phoenix' });
    await setWeekdayLimits(actor, port.slug, all(5));
    const date = futureDate(port.timeZone);
    for (const h of [8, 9, 10]) await createAppointment(port, portLocalInstant(date, h * 60, port.timeZone));
    const error = await caught(setWeekdayLimits(actor, port.slug, all(2)));
    expect(error.code).toBe('LIMIT_BELOW_BOOKED');
    expect(error.details).toMatchObject({ booked: 3, limit: 2 });
    const db = await getDb();
    const rows = await db.select().from(weekdayLimits).where(eq(weekdayLimits.portId, port.id));
    expect(rows.every((r) => r.dailyLimit === 5)).toBe(true);
    expect(await auditCount(port.slug)).toBe(1);
  });

  it('allows the national cap to be reached exactly and refuses one more, with the numbers', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Los_Angeles' });
    const date = futureDate(port.timeZone);
    const db = await getDb();
    const cap = await readNationalCap(db);
    const [day] = await capacityWindow(db, date, date);
    const room = cap - day!.total;
    expect(room).toBeGreaterThan(0);
    await setDateLimit(actor, port.slug, date, { limit: room });
    const [reached] = await capacityWindow(db, date, date);
    expect(reached!.total).toBe(cap);
    const error = await caught(setDateLimit(actor, port.slug, date, { limit: room + 1 }));
    expect(error.code).toBe('NATIONAL_CAP_EXCEEDED');
    expect(error.details).toEqual({ date, total: cap + 1, cap });
    expect(error.message).toContain(date);
    expect(error.message).toContain(`1 over the national cap of ${new Intl.NumberFormat('en-US').format(cap)}`);
    expect(await override(port.id, date)).toBe(room);
    // Free the date again: a full date would refuse other tests' raises (the cap is shared).
    await deleteDateLimit(actor, port.slug, date);
  });

  it('refuses lowering the national cap below a date total and changes nothing', async () => {
    const actor = await admin();
    const db = await getDb();
    const cap = await readNationalCap(db);
    const port = await createPort({ timeZone: 'America/Chicago' });
    const date = futureDate(port.timeZone);
    const [day] = await capacityWindow(db, date, date);
    await setDateLimit(actor, port.slug, date, { limit: Math.min(50, cap - day!.total) });
    const [now2] = await capacityWindow(db, date, date);
    const error = await caught(setNationalCap(actor, { dailyCap: now2!.total - 1 }));
    expect(error.code).toBe('NATIONAL_CAP_EXCEEDED');
    const [row] = await db.select().from(nationalCap);
    expect(row!.dailyCap).toBe(cap);
    // Setting it to what it is changes nothing and records nothing.
    await setNationalCap(actor, { dailyCap: cap });
    await deleteDateLimit(actor, port.slug, date);
  });

  it('applies new defaults from a start date, pinning earlier dates to their old limit', async () => {
    const actor = await admin();
    const port = await createPort({ timeZone: 'America/Los_Angeles' });
    await setWeekdayLimits(actor, port.slug, all(2));
    const today = portToday(port.timeZone, now());
    const from = addDays(today, 10);
    const result = await setWeekdayLimits(actor, port.slug, { ...all(3), from });
    expect(result.pinnedDates).toHaveLength(10);
    const cal = await capacityCalendar(actor, { port: port.slug, from: today, to: addDays(from, 2) });
    for (const d of cal.days) expect([d.date, d.limit]).toEqual([d.date, d.date < from ? 2 : 3]);
    expect(cal.days.filter((d) => d.source === 'override')).toHaveLength(10);
  });

  it('refuses past and malformed dates', async () => {
    const actor = await admin();
    const port = await createPort();
    expect((await caught(setDateLimit(actor, port.slug, addDays(portToday(port.timeZone, now()), -2), { limit: 1 }))).code).toBe('VALIDATION');
    expect((await caught(setDateLimit(actor, port.slug, '2026-02-30', { limit: 1 }))).code).toBe('VALIDATION');
    expect((await caught(setDateLimit(actor, port.slug, futureDate(port.timeZone), { limit: -1 }))).code).toBe('VALIDATION');
    expect((await caught(setDateLimit(actor, 'no-such-port', futureDate(port.timeZone), { limit: 1 }))).code).toBe('NOT_FOUND');
  });

  it('lets two concurrent raises that jointly exceed the cap through one at a time', async () => {
    const actor = await admin();
    const a = await createPort({ timeZone: 'America/Chicago' });
    const b = await createPort({ timeZone: 'America/Chicago' });
    const date = futureDate(a.timeZone);
    const db = await getDb();
    const cap = await readNationalCap(db);
    const [day] = await capacityWindow(db, date, date);
    const room = cap - day!.total;
    const half = Math.floor(room / 2) + 1; // each fits alone, both together do not
    const results = await Promise.allSettled([
      setDateLimit(actor, a.slug, date, { limit: half }),
      setDateLimit(actor, b.slug, date, { limit: half }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('NATIONAL_CAP_EXCEEDED');
    const [after] = await capacityWindow(db, date, date);
    expect(after!.total).toBeLessThanOrEqual(cap);
    await deleteDateLimit(actor, a.slug, date);
    await deleteDateLimit(actor, b.slug, date);
  });

  it.each(['officer', 'supervisor'] as const)('refuses every capacity verb to a %s', async (role) => {
    const port = await createPort();
    const actor = actorFor(await createUser(role, port.id));
    const date = futureDate(port.timeZone);
    for (const p of [
      capacityCalendar(actor, {}),
      setWeekdayLimits(actor, port.slug, all(1)),
      setDateLimit(actor, port.slug, date, { limit: 1 }),
      deleteDateLimit(actor, port.slug, date),
      setNationalCap(actor, { dailyCap: 5 }),
    ]) {
      expect((await caught(p)).code).toBe('FORBIDDEN');
    }
  });
});
