/**
 * The statistics rollups against plain aggregation over the appointments, on a seeded data set:
 * three ports in zones far apart (Los Angeles, Auckland, Kathmandu at +05:45) over two weeks
 * that cross both hemispheres' daylight-saving changes, every status, arrivals early and late,
 * outcomes from 0 to 300 minutes (some in the histogram's overflow bucket), loaded in bulk and
 * then changed one row at a time by every kind of write. Run under TZ=UTC and TZ=Pacific/Auckland.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { appointments, dateLimitOverrides, outcomeCodes, outcomes, weekdayLimits } from '@/db/schema';
import type { AppointmentStatus } from '@/db/schema';
import { createPort, createUser, nameTag } from '@/lib/testing/factories';
import { personKeys } from '@/lib/identity/keys';
import type { PortRecord } from '@/lib/ports/queries';
import { generateConfirmationCode } from '@/lib/roster/confirmation-code';
import { addDays, portLocalInstant, serviceDate } from '@/lib/time';
import { readDailyStats } from './daily';
import { readDailyStatsPlain, readHourlyPlain, readSummaryPlain, readTodayPlain } from './plain';
import { readHourly, readToday } from './queries';
import { rebuildStatsRollup, rollupSnapshot, statsRollupDrift } from './rollup';
import { MINUTE_BUCKETS } from './rules';
import type { PeriodTotals } from './schemas';
import { readSummary } from './summary';

const MIN = 60_000;
const FROM = '2026-03-28';
const TO = '2026-04-10'; // US DST began 03-08; New Zealand's ends 2026-04-05 03:00 -> 02:00
const DAYS = 14;
const CODES = ['rc_one', 'rc_two', 'rc_three'];
const ZONES = [
  ['America/Los_Angeles', 15],
  ['Pacific/Auckland', 0],
  ['Asia/Kathmandu', 120],
] as const;

/** Deterministic 0 <= r < 1 (mulberry32), so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const record = (p: { id: number; slug: string; name: string; timeZone: string; graceMinutes: number }): PortRecord => ({
  ...p,
  state: 'TX',
  code: '0000',
  active: true,
  bookingWindowDays: 60,
  today: TO,
});

async function seed() {
  const db = await getDb();
  const rand = prng(20260403);
  await db
    .insert(outcomeCodes)
    .values(CODES.map((code) => ({ code, labelEn: code, labelEs: code })))
    .onConflictDoNothing();
  const ports: PortRecord[] = [];
  for (const [timeZone, graceMinutes] of ZONES) {
    const port = await createPort({ timeZone, graceMinutes });
    ports.push(record(port));
    await db.insert(weekdayLimits).values([1, 2, 3, 4, 5, 6, 7].map((d) => ({ portId: port.id, isoWeekday: d, dailyLimit: d >= 6 ? 3 : 9 + port.id % 5 })));
    await db.insert(dateLimitOverrides).values([
      { portId: port.id, serviceDate: '2026-04-01', dailyLimit: 20 },
      { portId: port.id, serviceDate: '2026-04-06', dailyLimit: 0 },
    ]);
  }
  const officer = await createUser('officer', ports[0]!.id);
  const statuses: AppointmentStatus[] = ['scheduled', 'checked_in', 'late', 'no_show', 'processed', 'processed', 'processed', 'cancelled'];
  const rows: (typeof appointments.$inferInsert)[] = [];
  const outcomeOf = new Map<string, { code: string; minutes: number }>();
  for (const port of ports) {
    for (let day = 0; day < DAYS; day++) {
      const date = addDays(FROM, day);
      const n = Math.floor(rand() * 13);
      for (let i = 0; i < n; i++) {
        // Mostly office hours, some just after midnight and just before it (the day's edges).
        const r = rand();
        const minute = r < 0.1 ? Math.floor(rand() * 30) : r < 0.2 ? 1410 + Math.floor(rand() * 30) : 420 + 15 * Math.floor(rand() * 44);
        const scheduledAt = portLocalInstant(date, minute, port.timeZone);
        const status = statuses[Math.floor(rand() * statuses.length)]!;
        const arrives = status === 'checked_in' || status === 'late' || status === 'processed';
        const arrivedAt = arrives
          ? new Date(scheduledAt.getTime() + (status === 'late' ? 20 + Math.floor(rand() * 100) : Math.floor(rand() * 30) - 20) * MIN)
          : null;
        const values = {
          confirmationCode: generateConfirmationCode(Math.random), // unique per run; the figures do not depend on it
          portId: port.id,
          scheduledAt,
          serviceDate: serviceDate(scheduledAt, port.timeZone),
          familyName: 'Reconcile',
          givenName: `Row ${nameTag()}`,
          dateOfBirth: '1980-01-01',
          nationality: 'MX',
          language: 'es',
          status,
          arrivedAt,
          arrivedBy: arrivedAt ? officer.id : null,
        };
        rows.push({ ...personKeys(values), ...values });
        if (status === 'processed') {
          // Whole and fractional minutes, 3 % past the overflow bucket.
          const minutes = rand() < 0.03 ? 240 + rand() * 60 : rand() * 200;
          outcomeOf.set(values.confirmationCode, { code: CODES[Math.floor(rand() * CODES.length)]!, minutes });
        }
      }
    }
    // Either side of the deadline at CLOCKS[2] (Los Angeles 05:00 on the last day, grace 15): one overdue, one still due.
    if (port.timeZone === 'America/Los_Angeles') {
      for (const minute of [270, 295]) {
        const scheduledAt = portLocalInstant(TO, minute, port.timeZone);
        const values = {
          confirmationCode: generateConfirmationCode(Math.random), portId: port.id, scheduledAt, serviceDate: TO,
          familyName: 'Edge', givenName: `Case ${nameTag()}`, dateOfBirth: '1980-01-01', nationality: 'MX', language: 'es',
        };
        rows.push({ ...personKeys(values), ...values });
      }
    }
  }
  // Bulk: multi-row statements through the row-level triggers.
  const inserted: { id: string; code: string; arrivedAt: Date | null }[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    inserted.push(
      ...(await db
        .insert(appointments)
        .values(rows.slice(i, i + 100))
        .returning({ id: appointments.id, code: appointments.confirmationCode, arrivedAt: appointments.arrivedAt })),
    );
  }
  const outcomeRows = inserted
    .filter((a) => outcomeOf.has(a.code))
    .map((a) => {
      const o = outcomeOf.get(a.code)!;
      return { appointmentId: a.id, code: o.code, recordedAt: new Date(a.arrivedAt!.getTime() + o.minutes * MIN), recordedBy: officer.id };
    });
  await db.insert(outcomes).values(outcomeRows);
  await changeOneByOne(rand, officer.id, ports.map((p) => p.id));
  return { ports, officer };
}

/** Single-row writes of every kind, as the verbs make them (each its own transaction). */
async function changeOneByOne(rand: () => number, officerId: string, portIds: number[]) {
  const db = await getDb();
  // The two edge rows of the last day stay as they are.
  const mine = and(inArray(appointments.portId, portIds), eq(appointments.familyName, 'Reconcile'));
  const all = await db.select().from(appointments).where(mine).orderBy(appointments.scheduledAt, appointments.confirmationCode);
  // Fresh each time: the writes before change which rows have the status.
  const pick = async (status: AppointmentStatus, k: number) =>
    db.select().from(appointments).where(and(mine, eq(appointments.status, status))).orderBy(appointments.scheduledAt, appointments.confirmationCode).limit(k);
  for (const a of await pick('scheduled', 6)) {
    // check-in (on time or late)
    const late = rand() < 0.5;
    await db
      .update(appointments)
      .set({ status: late ? 'late' : 'checked_in', arrivedAt: new Date(a.scheduledAt.getTime() + (late ? 45 : 5) * MIN), arrivedBy: officerId })
      .where(eq(appointments.id, a.id));
  }
  for (const a of await pick('checked_in', 4)) {
    // outcome: the outcome row and the status in one transaction
    await db.transaction(async (tx) => {
      await tx.insert(outcomes).values({ appointmentId: a.id, code: CODES[1]!, recordedAt: new Date(a.arrivedAt!.getTime() + 37.5 * MIN), recordedBy: officerId });
      await tx.update(appointments).set({ status: 'processed' }).where(eq(appointments.id, a.id));
    });
  }
  const processed = await pick('processed', 6);
  // corrections: the outcome code, the recorded time, back to checked in without an outcome
  await db.update(outcomes).set({ code: CODES[2]! }).where(eq(outcomes.appointmentId, processed[0]!.id));
  await db.update(outcomes).set({ recordedAt: new Date(processed[1]!.arrivedAt!.getTime() + 250 * MIN) }).where(eq(outcomes.appointmentId, processed[1]!.id));
  await db.transaction(async (tx) => {
    await tx.update(appointments).set({ status: 'checked_in' }).where(eq(appointments.id, processed[2]!.id));
    await tx.delete(outcomes).where(eq(outcomes.appointmentId, processed[2]!.id));
  });
  // a correction of the arrival time of a processed appointment moves its histogram bucket
  await db.update(appointments).set({ arrivedAt: new Date(processed[3]!.arrivedAt!.getTime() - 30 * MIN) }).where(eq(appointments.id, processed[3]!.id));
  for (const a of await pick('scheduled', 3)) await db.update(appointments).set({ status: 'no_show' }).where(eq(appointments.id, a.id));
  for (const a of await pick('scheduled', 2)) await db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.id, a.id));
  // undo a no-show; a move to another day; a delete; an edit that moves no figure
  const noShow = (await pick('no_show', 1))[0]!;
  await db.update(appointments).set({ status: 'scheduled' }).where(eq(appointments.id, noShow.id));
  const move = (await pick('scheduled', 1))[0]!;
  await db
    .update(appointments)
    .set({ scheduledAt: new Date(move.scheduledAt.getTime() + 26 * 60 * MIN), serviceDate: addDays(move.serviceDate, 1) })
    .where(eq(appointments.id, move.id));
  const gone = (await pick('cancelled', 1))[0]!;
  await db.delete(appointments).where(eq(appointments.id, gone.id));
  await db.update(appointments).set({ givenName: 'Renamed', version: sql`${appointments.version} + 1` }).where(inArray(appointments.id, all.slice(0, 5).map((a) => a.id)));
}

describe('statistics rollups on a seeded data set', () => {
  it('a rebuild from scratch equals the rollups kept incrementally by the triggers', async () => {
    const { ports } = await seed();
    const db = await getDb();
    const incremental = (await Promise.all(ports.map((p) => rollupSnapshot(db, p.id)))).flat();
    expect(incremental.length).toBeGreaterThan(100);
    expect(await statsRollupDrift(db)).toEqual({ missing: [], extra: [] });
    // From scratch: empty every rollup, then the rebuild command's function.
    for (const table of ['stats_port_day', 'stats_port_day_hour', 'stats_port_day_pending', 'stats_port_day_outcome', 'stats_port_day_minutes']) {
      await db.execute(sql.raw(`delete from ${table}`));
    }
    expect((await Promise.all(ports.map((p) => rollupSnapshot(db, p.id)))).flat()).toEqual([]);
    const result = await rebuildStatsRollup(db);
    expect(result.ports).toBeGreaterThanOrEqual(ports.length);
    const rebuilt = (await Promise.all(ports.map((p) => rollupSnapshot(db, p.id)))).flat();
    expect(rebuilt).toEqual(incremental);
  });
});

/** Instants the figures are read at: before, during (on the Auckland DST night), at the end, and long after the range. */
const CLOCKS = [
  new Date('2026-03-28T10:00:00Z'),
  new Date('2026-04-05T01:30:00Z'),
  new Date('2026-04-10T12:00:00Z'),
  new Date('2026-05-01T00:00:00Z'),
];

/**
 * Counts and outcomes exactly. Median and p90: within one histogram bucket (one minute) of
 * percentile_cont over the durations with the overflow rule (240 minutes or more count as 240),
 * and never above the exact figure by more than that (so equal to it within one bucket when no
 * duration the percentile interpolates between reaches the overflow bucket).
 */
function expectTotalsReconcile(rolled: PeriodTotals, plain: PeriodTotals, capped: PeriodTotals, label: string) {
  const { minutesToOutcome: m, ...counts } = rolled;
  const { minutesToOutcome: pm, ...plainCounts } = plain;
  expect(counts, label).toEqual(plainCounts);
  expect(m.count, `${label} count`).toBe(pm.count);
  for (const k of ['median', 'p90'] as const) {
    const exact = pm[k];
    const bucketed = capped.minutesToOutcome[k];
    if (exact === null) {
      expect(m[k], `${label} ${k}`).toBeNull();
      continue;
    }
    expect(Math.abs(m[k]! - bucketed!), `${label} ${k}: ${m[k]} vs ${bucketed} (overflow rule)`).toBeLessThanOrEqual(1);
    expect(m[k]! - exact, `${label} ${k}: ${m[k]} vs ${exact}`).toBeLessThanOrEqual(1);
  }
}

describe('every dashboard figure reconciles with plain aggregation over the appointments', () => {
  it('daily, summary with its previous period, hourly and today, for all ports and each port, at several clocks', async () => {
    const { ports } = await seed();
    const selections = [ports, ...ports.map((p) => [p]), [ports[2]!, ports[0]!]];
    const ranges = [
      [FROM, TO],
      ['2026-04-04', '2026-04-10'], // its previous period (03-28..04-03) has data too
      ['2026-04-05', '2026-04-05'],
    ] as const;
    let timed = 0;
    for (const at of CLOCKS) {
      for (const sel of selections) {
        const label = `${at.toISOString()} ${sel.map((p) => p.timeZone).join('+')}`;
        expect(await readToday(sel, at), `today ${label}`).toEqual(await readTodayPlain(sel, at));
        for (const [from, to] of ranges) {
          expect(await readDailyStats(sel, from, to, at), `daily ${label} ${from}`).toEqual(await readDailyStatsPlain(sel, from, to, at));
          const rolled = await readSummary(sel, from, to, at);
          const plain = await readSummaryPlain(sel, from, to, at);
          const capped = await readSummaryPlain(sel, from, to, at, MINUTE_BUCKETS);
          expect([rolled.from, rolled.to, rolled.previous.from, rolled.previous.to]).toEqual([plain.from, plain.to, plain.previous.from, plain.previous.to]);
          expectTotalsReconcile(rolled.total, plain.total, capped.total, `summary ${label} ${from}`);
          expectTotalsReconcile(rolled.previous.total, plain.previous.total, capped.previous.total, `previous ${label} ${from}`);
          rolled.ports.forEach((p, i) => expectTotalsReconcile(p, plain.ports[i]!, capped.ports[i]!, `summary ${label} ${from} ${p.port}`));
          timed += rolled.total.minutesToOutcome.count;
        }
      }
    }
    for (const sel of selections) {
      for (const [from, to] of ranges) expect(await readHourly(sel, from, to), `hourly ${from}`).toEqual(await readHourlyPlain(sel, from, to));
    }
    // The data set really exercises the figures: outcomes timed, no-shows derived and stored, days live and settled.
    expect(timed).toBeGreaterThan(100);
    const end = await readSummary(ports, FROM, TO, CLOCKS[2]!);
    expect(end.total.noShow).toBeGreaterThan(0);
    expect(end.total.minutesToOutcome.median).not.toBeNull();
    const la = (await readToday(ports, CLOCKS[2]!)).ports[0]!;
    expect(la.date).toBe(TO);
    expect(la.stillDue).toBeGreaterThan(0);
    expect(la.noShows).toBeGreaterThan(0);
  });
});
