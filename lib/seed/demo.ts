/**
 * The demo seed: reference data, demo accounts and a roster of appointments around "today".
 * Safe on every start: reference rows are "insert, on conflict do nothing", and appointments
 * are generated only for (port, date) pairs that have none yet, so a rerun tops up new days.
 * The bulk of the history writes no audit events (it is volume for the charts, not an action
 * anyone took); yesterday's and today's showcase appointments at each port are written through the
 * product's own verbs at the times they happened, so their records, audit trail and flags are real.
 */
import 'server-only';
import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { appointments, dateLimitOverrides, outcomes, ports, users, weekdayLimits } from '@/db/schema';
import { withSeedingDb } from '@/lib/database';
import { rebuildDailyBookings } from '@/lib/intake/capacity';
import { addDays, isoWeekday, serviceDate, type IsoDate } from '@/lib/time';
import { planPortDay, type NewAppointment, type NewOutcome } from './day-plan';
import { SHOWCASE_SLOTS_PER_DAY, writeShowcase, type ShowcaseDay } from '@/lib/demo/showcase';
import { DEMO_PORTS, DEMO_SUPERVISOR, demoOfficerEmail } from './fixtures';
import { ensureNationalCap, upsertDemoPorts, upsertDemoUsers, upsertOutcomeCodes, upsertWeekdayLimits } from './reference';

export interface SeedDemoOptions {
  seed: number;
  now: Date;
  demoPassword: string;
  /** Days of history before today (default 90). */
  historyDays?: number;
  /** Days after today (default 2). */
  futureDays?: number;
  /**
   * Write yesterday's and today's showcase appointments through the product's verbs (default true).
   * Off where a test needs the pure, seed-determined plan only.
   */
  showcase?: boolean;
}

export interface SeedDemoResult {
  portsInserted: number;
  outcomeCodesInserted: number;
  usersInserted: number;
  portDaysSeeded: number;
  portDaysSkipped: number;
  appointmentsInserted: number;
  outcomesInserted: number;
  /** Appointments written through the verbs, with their histories (lib/demo/showcase.ts). */
  showcaseAppointments: number;
  elapsedMs: number;
}

// ~21 columns a row: 1,000 rows stay well under PostgreSQL's 65,535 bind parameters.
const APPOINTMENT_BATCH = 1000;
const OUTCOME_BATCH = 4000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function insertPlans(tx: DbOrTx, rows: NewAppointment[], outcomeRows: NewOutcome[]) {
  // A confirmation code can, very rarely, clash with one already stored (an earlier run or intake):
  // that row is dropped, and so is its outcome.
  const inserted = new Set<string>();
  for (const batch of chunks(rows, APPOINTMENT_BATCH)) {
    const ids = await tx.insert(appointments).values(batch).onConflictDoNothing().returning({ id: appointments.id });
    for (const { id } of ids) inserted.add(id);
  }
  const keep = outcomeRows.filter((o) => inserted.has(o.appointmentId));
  for (const batch of chunks(keep, OUTCOME_BATCH)) await tx.insert(outcomes).values(batch).onConflictDoNothing();
  return { appointments: inserted.size, outcomes: keep.length };
}

export async function seedDemo(db: Db, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const historyDays = opts.historyDays ?? 90;
  const futureDays = opts.futureDays ?? 2;

  await ensureNationalCap(db);
  const portsInserted = await upsertDemoPorts(db);
  const outcomeCodesInserted = await upsertOutcomeCodes(db);

  const slugs = DEMO_PORTS.map((p) => p.slug);
  const portRows = await db
    .select({ id: ports.id, slug: ports.slug, timeZone: ports.timeZone, graceMinutes: ports.graceMinutes, active: ports.active })
    .from(ports)
    .where(inArray(ports.slug, slugs));
  // Fixture order, not database order, so the run (and code de-duplication) is reproducible.
  portRows.sort((a, b) => slugs.indexOf(a.slug) - slugs.indexOf(b.slug));
  const portIdBySlug = new Map(portRows.map((p) => [p.slug, p.id]));
  const portIds = portRows.map((p) => p.id);

  await upsertWeekdayLimits(db, portIdBySlug);
  const usersInserted = await upsertDemoUsers(db, portIdBySlug, opts.demoPassword);

  const officerRows = await db
    .select({ id: users.id, email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, slugs.map(demoOfficerEmail)));
  const officerByEmail = new Map(officerRows.map((u) => [u.email, u.id]));

  // Each port's window in its own zone; the union bounds the lookups below.
  const windows = portRows.map((p) => {
    const today = serviceDate(opts.now, p.timeZone);
    // A suspended port takes no new bookings: give it history only.
    const last = p.active ? addDays(today, futureDays) : addDays(today, -1);
    return { port: p, today, from: addDays(today, -historyDays), to: last };
  });
  const result: SeedDemoResult = {
    portsInserted,
    outcomeCodesInserted,
    usersInserted,
    portDaysSeeded: 0,
    portDaysSkipped: 0,
    appointmentsInserted: 0,
    outcomesInserted: 0,
    showcaseAppointments: 0,
    elapsedMs: 0,
  };
  if (windows.length === 0) return { ...result, elapsedMs: performance.now() - started };
  const minFrom = windows.map((w) => w.from).reduce((a, b) => (a < b ? a : b));
  const maxTo = windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b));

  const [existing, limits, overrides] = await Promise.all([
    db
      .selectDistinct({ portId: appointments.portId, serviceDate: appointments.serviceDate })
      .from(appointments)
      .where(and(inArray(appointments.portId, portIds), gte(appointments.serviceDate, minFrom), lte(appointments.serviceDate, maxTo))),
    db.select().from(weekdayLimits).where(inArray(weekdayLimits.portId, portIds)),
    db
      .select()
      .from(dateLimitOverrides)
      .where(and(inArray(dateLimitOverrides.portId, portIds), gte(dateLimitOverrides.serviceDate, minFrom), lte(dateLimitOverrides.serviceDate, maxTo))),
  ]);
  const key = (portId: number, date: IsoDate) => `${portId}|${date}`;
  const seeded = new Set(existing.map((e) => key(e.portId, e.serviceDate)));
  const weekdayLimit = new Map(limits.map((l) => [key(l.portId, String(l.isoWeekday)), l.dailyLimit]));
  const overrideLimit = new Map(overrides.map((o) => [key(o.portId, o.serviceDate), o.dailyLimit]));

  const usedCodes = new Set<string>();
  const showcaseDays: ShowcaseDay[] = [];
  for (const { port, today, from, to } of windows) {
    const officerId = officerByEmail.get(demoOfficerEmail(port.slug));
    if (!officerId) throw new Error(`Demo seed: the officer account ${demoOfficerEmail(port.slug)} is missing`);
    const fixture = DEMO_PORTS.find((p) => p.slug === port.slug);

    const rows: NewAppointment[] = [];
    const outcomeRows: NewOutcome[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (seeded.has(key(port.id, date))) {
        result.portDaysSkipped++;
        continue;
      }
      const limit =
        overrideLimit.get(key(port.id, date)) ??
        weekdayLimit.get(key(port.id, String(isoWeekday(date)))) ??
        fixture?.dailyLimit ??
        0;
      // Yesterday and today get a showcase written through the verbs: the bulk plan leaves its slots free.
      const showcase = (opts.showcase ?? true) && port.active && limit > SHOWCASE_SLOTS_PER_DAY && (date === today || date === addDays(today, -1));
      if (showcase) showcaseDays.push({ port, date });
      const dailyLimit = showcase ? limit - SHOWCASE_SLOTS_PER_DAY : limit;
      const plan = planPortDay({
        seed: opts.seed,
        portId: port.id,
        slug: port.slug,
        timeZone: port.timeZone,
        graceMinutes: port.graceMinutes,
        date,
        today,
        now: opts.now,
        dailyLimit,
        officerId,
        usedCodes,
      });
      rows.push(...plan.appointments);
      outcomeRows.push(...plan.outcomes);
      result.portDaysSeeded++;
    }
    if (rows.length === 0) continue;
    // One transaction per port: a crash leaves each port either fully topped up or untouched.
    const n = await db.transaction((tx) => insertPlans(tx, rows, outcomeRows));
    result.appointmentsInserted += n.appointments;
    result.outcomesInserted += n.outcomes;
  }
  // Bulk inserts bypass the booking path: recount the slot counters of the seeded window.
  await rebuildDailyBookings(db, { from: minFrom, to: maxTo });
  showcaseDays.sort((a, b) => (a.date === b.date ? slugs.indexOf(a.port.slug) - slugs.indexOf(b.port.slug) : a.date < b.date ? -1 : 1));
  result.showcaseAppointments = await withSeedingDb(db, () =>
    writeShowcase(db, showcaseDays, { realNow: opts.now, officerEmail: demoOfficerEmail, supervisorEmail: DEMO_SUPERVISOR.email }),
  );
  result.elapsedMs = Math.round(performance.now() - started);
  return result;
}
