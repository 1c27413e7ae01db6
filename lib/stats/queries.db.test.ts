import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { dateLimitOverrides, outcomeCodes, outcomes, weekdayLimits } from '@/db/schema';
import type { AppointmentStatus } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { portLocalInstant } from '@/lib/time';
import { eq, sql } from 'drizzle-orm';
import { appointments } from '@/db/schema';
import { readDailyStatsPlain } from './plain';
import { rebuildStatsRollup, statsRollupDrift } from './rollup';
import { getDailyStats, readDailyStats } from './daily';
import { readHourly, readToday, resolveStatsPorts } from './queries';
import { readSummary } from './summary';

const MIN = 60_000;
const TZ = 'America/Chicago';
/** Wednesday 2026-11-04 12:00 CST: the clock the fixture week is read at. */
const AT = new Date('2026-11-04T18:00:00Z');

type Spec = {
  at: Date;
  status: AppointmentStatus;
  arrived?: number; // minutes after scheduled (negative: early)
  outcome?: [code: string, minutesAfterArrival: number];
};

const local = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return portLocalInstant(date, h * 60 + m, TZ);
};

/**
 * The hand-built week at a Chicago port, across the end of daylight saving time
 * (2026-11-01 02:00 CDT -> 01:00 CST, so 01:30 happens twice that night).
 */
const WEEK: Spec[] = [
  // Thu 10-29
  { at: local('2026-10-29', '09:00'), status: 'processed', arrived: -10, outcome: ['nta_parole', 60] },
  { at: local('2026-10-29', '09:30'), status: 'processed', arrived: 10, outcome: ['ice_custody', 45] },
  { at: local('2026-10-29', '10:00'), status: 'late', arrived: 30 },
  { at: local('2026-10-29', '10:30'), status: 'no_show' },
  { at: local('2026-10-29', '11:00'), status: 'scheduled' }, // past its deadline: a derived no-show
  { at: local('2026-10-29', '11:30'), status: 'cancelled' },
  { at: local('2026-10-29', '12:00'), status: 'checked_in', arrived: 5 },
  // Fri 10-30
  { at: local('2026-10-30', '08:00'), status: 'processed', arrived: -5, outcome: ['nta_parole', 30] },
  { at: local('2026-10-30', '08:15'), status: 'processed', arrived: -5, outcome: ['nta_parole', 90] },
  // Sat 10-31: 23:30 CDT is already 2026-11-01 in UTC
  { at: new Date('2026-11-01T04:30:00Z'), status: 'processed', arrived: -10, outcome: ['ice_custody', 60] },
  { at: local('2026-10-31', '00:30'), status: 'late', arrived: 20 },
  // Sun 11-01: 01:30 CDT, then 01:30 CST an hour later; 23:00 CST is 2026-11-02 in UTC
  { at: new Date('2026-11-01T06:30:00Z'), status: 'processed', arrived: -5, outcome: ['ice_custody', 60] },
  { at: new Date('2026-11-01T07:30:00Z'), status: 'processed', arrived: 5, outcome: ['nta_parole', 30] },
  { at: new Date('2026-11-02T05:00:00Z'), status: 'no_show' },
  // Mon 11-02: nothing booked. Tue 11-03: closed (override 0), one cancelled booking
  { at: local('2026-11-03', '09:00'), status: 'cancelled' },
  // Wed 11-04, read at 12:00 CST
  { at: local('2026-11-04', '08:00'), status: 'scheduled' }, // deadline 08:15 passed
  { at: local('2026-11-04', '11:50'), status: 'scheduled' }, // deadline 12:05 not yet
  { at: local('2026-11-04', '15:00'), status: 'scheduled' },
  { at: local('2026-11-04', '09:00'), status: 'checked_in', arrived: -2 },
];

// date, capacity, booked, checkedIn, late, noShow, processed, cancelled, inProgress, outcomes
const EXPECTED: [string, number, number, number, number, number, number, number, number, Record<string, number>][] = [
  ['2026-10-29', 10, 6, 3, 1, 2, 2, 1, 1, { ice_custody: 1, nta_parole: 1 }],
  ['2026-10-30', 12, 2, 2, 0, 0, 2, 0, 0, { nta_parole: 2 }],
  ['2026-10-31', 4, 2, 1, 1, 0, 1, 0, 0, { ice_custody: 1 }],
  ['2026-11-01', 4, 3, 2, 0, 1, 2, 0, 0, { ice_custody: 1, nta_parole: 1 }],
  ['2026-11-02', 10, 0, 0, 0, 0, 0, 0, 0, {}],
  ['2026-11-03', 0, 0, 0, 0, 0, 0, 1, 0, {}],
  ['2026-11-04', 10, 4, 1, 0, 1, 0, 0, 1, {}],
];

async function buildWeek() {
  const db = await getDb();
  await db
    .insert(outcomeCodes)
    .values([
      { code: 'nta_parole', labelEn: 'NTA parole', labelEs: 'NTA parole' },
      { code: 'ice_custody', labelEn: 'ICE custody', labelEs: 'Custodia ICE' },
    ])
    .onConflictDoNothing();
  const port = await createPort({ timeZone: TZ, graceMinutes: 15 });
  const officer = await createUser('officer', port.id);
  // Weekdays 10, weekends 4; Friday 10-30 raised to 12; Tuesday 11-03 closed.
  await db.insert(weekdayLimits).values([1, 2, 3, 4, 5, 6, 7].map((d) => ({ portId: port.id, isoWeekday: d, dailyLimit: d >= 6 ? 4 : 10 })));
  await db.insert(dateLimitOverrides).values([
    { portId: port.id, serviceDate: '2026-10-30', dailyLimit: 12 },
    { portId: port.id, serviceDate: '2026-11-03', dailyLimit: 0 },
  ]);
  for (const s of WEEK) {
    const arrivedAt = s.arrived === undefined ? null : new Date(s.at.getTime() + s.arrived * MIN);
    const row = await createAppointment(port, s.at, { status: s.status, arrivedAt, arrivedBy: arrivedAt ? officer.id : null });
    if (s.outcome) {
      await db.insert(outcomes).values({
        appointmentId: row.id,
        code: s.outcome[0],
        recordedAt: new Date(arrivedAt!.getTime() + s.outcome[1] * MIN),
        recordedBy: officer.id,
      });
    }
  }
  return { port, officer };
}

const record = (port: { id: number; slug: string; name: string; timeZone: string; graceMinutes: number }) => ({
  ...port,
  state: 'TX',
  code: '0000',
  active: true,
  bookingWindowDays: 60,
  today: '2026-11-04',
});

describe('statistics over a hand-built week with a DST change', () => {
  it('gives every daily figure of the expected table, by the port-local day', async () => {
    const { port } = await buildWeek();
    const { days } = await readDailyStats([record(port)], '2026-10-29', '2026-11-04', AT);
    const actual = days.map((d) => [d.date, d.capacity, d.booked, d.checkedIn, d.late, d.noShow, d.processed, d.cancelled, d.inProgress, d.outcomes]);
    expect(actual).toEqual(EXPECTED);
    for (const d of days) {
      expect(Object.values(d.outcomes).reduce((a, b) => a + b, 0), d.date).toBe(d.processed);
      expect(d.port).toBe(port.slug);
    }
    const thu = days[0]!;
    expect([thu.arrived, thu.utilisation, thu.noShowRate, thu.lateRate]).toEqual([4, 0.4, 0.3333, 0.1667]);
    expect(days[5]!.utilisation).toBeNull(); // closed: no capacity to use
    expect(days[4]!.noShowRate).toBeNull(); // nothing due
  });

  it('totals the period with medians in whole minutes, and the previous period is empty', async () => {
    const { port } = await buildWeek();
    const s = await readSummary([record(port)], '2026-10-29', '2026-11-04', AT);
    expect(s.total).toMatchObject({
      capacity: 50, booked: 17, checkedIn: 9, late: 2, noShow: 4, processed: 7, cancelled: 2, inProgress: 2,
      arrived: 11, utilisation: 0.22, noShowRate: 0.2667, lateRate: 0.1333,
      outcomes: { nta_parole: 4, ice_custody: 3 },
      // 30, 30, 45, 60, 60, 60, 90 -> median 60; p90 at 5.4 -> 60 + 0.4 * 30
      minutesToOutcome: { median: 60, p90: 72, count: 7 },
    });
    expect(s.previous).toMatchObject({ from: '2026-10-22', to: '2026-10-28' });
    expect(s.previous.total).toMatchObject({ booked: 0, capacity: 58, utilisation: 0 });
  });

  it('counts scheduled hours and arrivals by the hour of the port-local day, both 01:00 hours of the DST night in one', async () => {
    const { port } = await buildWeek();
    const { hours } = await readHourly([record(port)], '2026-10-29', '2026-11-04');
    const nonZero = Object.fromEntries(hours.filter((h) => h.scheduled || h.arrived).map((h) => [h.hour, [h.scheduled, h.arrived]]));
    expect(nonZero).toEqual({
      0: [1, 1], 1: [2, 2], 7: [0, 1], 8: [3, 3], 9: [3, 1], 10: [2, 1], 11: [2, 0], 12: [1, 1], 15: [1, 0], 23: [2, 1],
    });
    expect(hours.reduce((a, h) => a + h.scheduled, 0)).toBe(17);
    expect(hours.reduce((a, h) => a + h.arrived, 0)).toBe(11);
  });

  it('shows today live at the port-local date', async () => {
    const { port } = await buildWeek();
    const today = await readToday([record(port)], AT);
    expect(today.ports).toEqual([
      { port: port.slug, name: port.name, date: '2026-11-04', capacity: 10, booked: 4, arrived: 1, stillDue: 2, noShows: 1, inProgress: 1, processed: 0 },
    ]);
  });

  it('reconciles: the all-ports total equals the sum of the ports', async () => {
    const { port } = await buildWeek();
    const other = await createPort({ timeZone: 'America/Phoenix' });
    const officer = await createUser('officer', other.id);
    await getDb().then((db) => db.insert(weekdayLimits).values([1, 2, 3, 4, 5, 6, 7].map((d) => ({ portId: other.id, isoWeekday: d, dailyLimit: 7 }))));
    const t = new Date('2026-10-30T16:00:00Z');
    await createAppointment(other, t, { status: 'late', arrivedAt: new Date(t.getTime() + 40 * MIN), arrivedBy: officer.id });
    await createAppointment(other, t, { status: 'scheduled' });
    await createAppointment(other, t, { status: 'checked_in', arrivedAt: t, arrivedBy: officer.id });
    const both = [record(port), { ...record(other), state: 'AZ' }];
    const { days } = await readDailyStats(both, '2026-10-29', '2026-11-04', AT);
    const s = await readSummary(both, '2026-10-29', '2026-11-04', AT);
    const keys = ['capacity', 'booked', 'checkedIn', 'late', 'noShow', 'processed', 'cancelled', 'inProgress'] as const;
    for (const k of keys) {
      expect(s.total[k], k).toBe(days.reduce((a, d) => a + d[k], 0));
      expect(s.total[k], k).toBe(s.ports.reduce((a, p) => a + p[k], 0));
    }
    expect(s.ports.map((p) => p.port)).toEqual([port.slug, other.slug]);
    expect(s.ports[1]).toMatchObject({ capacity: 49, booked: 3, checkedIn: 1, late: 1, noShow: 1 });
    expect(s.total.outcomes).toEqual({ nta_parole: 4, ice_custody: 3 });
  });
});

describe('the statistics rollups', () => {
  it('reads the same figures as counting the appointments, settled days and live days alike', async () => {
    const { port } = await buildWeek();
    for (const at of [AT, new Date('2026-11-02T03:00:00Z'), new Date('2026-12-01T00:00:00Z')]) {
      const rolled = await readDailyStats([record(port)], '2026-10-29', '2026-11-04', at);
      const plain = await readDailyStatsPlain([record(port)], '2026-10-29', '2026-11-04', at);
      expect(rolled, at.toISOString()).toEqual(plain);
    }
  });

  it('follows every kind of write in the same transaction, and a rebuild changes nothing', async () => {
    const { port, officer } = await buildWeek();
    const db = await getDb();
    const t = local('2026-10-20', '10:00');
    const a = await createAppointment(port, t); // booking
    const b = await createAppointment(port, t, { status: 'checked_in', arrivedAt: t, arrivedBy: officer.id });
    const settled = async () => (await readDailyStats([record(port)], '2026-10-20', '2026-10-20', AT)).days[0]!;
    expect(await settled()).toMatchObject({ booked: 2, noShow: 1, checkedIn: 1, inProgress: 1 });
    // check-in, then undo
    await db.update(appointments).set({ status: 'checked_in', arrivedAt: t, arrivedBy: officer.id }).where(eq(appointments.id, a.id));
    await db.update(appointments).set({ status: 'scheduled', arrivedAt: null, arrivedBy: null }).where(eq(appointments.id, a.id));
    // outcome: status and outcome row in one transaction, either order
    await db.transaction(async (tx) => {
      await tx.insert(outcomes).values({ appointmentId: b.id, code: 'nta_parole', recordedAt: t, recordedBy: officer.id });
      await tx.update(appointments).set({ status: 'processed' }).where(eq(appointments.id, b.id));
    });
    expect(await settled()).toMatchObject({ processed: 1, outcomes: { nta_parole: 1 } });
    // correction of the outcome code, then back to checked in without an outcome
    await db.update(outcomes).set({ code: 'ice_custody' }).where(eq(outcomes.appointmentId, b.id));
    expect(await settled()).toMatchObject({ processed: 1, outcomes: { ice_custody: 1 } });
    await db.transaction(async (tx) => {
      await tx.update(appointments).set({ status: 'checked_in' }).where(eq(appointments.id, b.id));
      await tx.delete(outcomes).where(eq(outcomes.appointmentId, b.id));
    });
    // no-show, cancel, a move to another date, a delete
    await db.update(appointments).set({ status: 'no_show' }).where(eq(appointments.id, a.id));
    await db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, a.id));
    await db.update(appointments).set({ serviceDate: '2026-10-21', scheduledAt: local('2026-10-21', '10:00') }).where(eq(appointments.id, a.id));
    const c = await createAppointment(port, t);
    await db.delete(appointments).where(eq(appointments.id, c.id));
    expect(await settled()).toMatchObject({ booked: 1, checkedIn: 1, processed: 0, cancelled: 0, outcomes: {} });
    expect(await statsRollupDrift(db)).toEqual({ missing: [], extra: [] });
    const before = await readDailyStats([record(port)], '2026-10-20', '2026-11-04', AT);
    await rebuildStatsRollup(db);
    expect(await statsRollupDrift(db)).toEqual({ missing: [], extra: [] });
    expect(await readDailyStats([record(port)], '2026-10-20', '2026-11-04', AT)).toEqual(before);
  });

  it('stays exact when many connections check people in at once', async () => {
    const { port, officer } = await buildWeek();
    const db = await getDb();
    const t = local('2026-10-22', '09:00');
    const people = await Promise.all(Array.from({ length: 40 }, () => createAppointment(port, t)));
    await Promise.all(
      people.map((p) =>
        db.transaction(async (tx) => {
          await tx.update(appointments).set({ status: 'checked_in', arrivedAt: t, arrivedBy: officer.id }).where(eq(appointments.id, p.id));
          // Stay open a moment so the writers really overlap.
          await tx.execute(sql`select pg_sleep(0.01)`);
        }),
      ),
    );
    const day = (await readDailyStats([record(port)], '2026-10-22', '2026-10-22', AT)).days[0]!;
    expect(day).toMatchObject({ booked: 40, checkedIn: 40, inProgress: 40 });
    expect(await statsRollupDrift(db)).toEqual({ missing: [], extra: [] });
  });
});

describe('statistics scope', () => {
  it('limits an officer to their own port and hides others as not found', async () => {
    const mine = await createPort();
    const other = await createPort();
    const officer = actorFor(await createUser('officer', mine.id), mine.slug);
    const supervisor = actorFor(await createUser('supervisor', null));
    expect((await resolveStatsPorts(officer, [])).map((p) => p.slug)).toEqual([mine.slug]);
    await expect(resolveStatsPorts(officer, [other.slug])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveStatsPorts(supervisor, ['no-such-port'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const picked = await resolveStatsPorts(supervisor, [other.slug, mine.slug]);
    expect(picked.map((p) => p.slug).sort()).toEqual([mine.slug, other.slug].sort());
    const { days } = await getDailyStats(officer, { from: '2026-01-01', to: '2026-01-02', port: [] });
    expect(days.map((d) => d.port)).toEqual([mine.slug, mine.slug]);
  });
});
