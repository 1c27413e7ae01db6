/**
 * The demo's showcase: a few appointments per port for yesterday and today written through the
 * product's own verbs at the times they happened (atSeedingClock), so the record page, the audit
 * trail and the review queue show real histories on first start: a booking by the scheduling
 * system, check-ins on time and late, a no-show, outcomes, a supervisor's correction with a reason,
 * and one person booked at two ports whose flag a supervisor has reviewed. The bulk seed
 * (lib/seed/demo.ts) fills the volume the charts need; it leaves these slots free.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { appointmentFlags, intakeKeys, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashIntakeKey } from '@/lib/intake-keys/authenticate';
import { bookAppointment } from '@/lib/intake/book';
import { reviewFlag } from '@/lib/intake/review-flag';
import { correctAppointment } from '@/lib/outcomes/correct';
import { recordOutcome } from '@/lib/outcomes/record-outcome';
import { checkIn } from '@/lib/roster/check-in';
import { markNoShow } from '@/lib/roster/no-show';
import { atSeedingClock, portLocalInstant, type IsoDate } from '@/lib/time';

type Fate = 'processed' | 'late' | 'no_show' | 'corrected' | 'in_progress' | 'family';

/** One port-day's showcase: local times and what happens to each. */
const DAY: readonly { hhmm: string; fate: Fate }[] = [
  { hhmm: '09:00', fate: 'processed' },
  { hhmm: '09:20', fate: 'late' },
  { hhmm: '09:40', fate: 'no_show' },
  { hhmm: '10:00', fate: 'corrected' },
  { hhmm: '10:20', fate: 'in_progress' },
  { hhmm: '15:00', fate: 'family' },
];
/** Slots the bulk seed leaves free on a showcase day: the six above and the second port's booking of the repeat person. */
export const SHOWCASE_SLOTS_PER_DAY = DAY.length + 1;

const GIVEN = ['Ana', 'Luis', 'Marisol', 'Jean', 'Yohana', 'Carlos', 'Rosa', 'Wilson', 'Dayana', 'Esteban', 'Lucía', 'Ronald'] as const;
const FAMILY = ['Salazar Pérez', 'Duarte', 'Pierre', 'Mejía Flores', 'Rodríguez', 'Castillo Ruiz', 'Joseph', 'Benítez', 'Ortega Luna'] as const;
const ORIGIN = [
  ['VE', 'es'],
  ['HT', 'ht'],
  ['HN', 'es'],
  ['MX', 'es'],
  ['CU', 'es'],
] as const;

export interface ShowcasePort {
  id: number;
  slug: string;
  timeZone: string;
  graceMinutes: number;
}

export interface ShowcaseDay {
  port: ShowcasePort;
  date: IsoDate;
}

const minutes = (n: number) => n * 60_000;

function actorFor(user: { id: string; email: string; name: string; role: 'officer' | 'supervisor'; portId: number | null }, portSlug: string | null): Actor {
  return { userId: user.id, sessionId: randomUUID(), email: user.email, name: user.name, role: user.role, portId: user.portId, portSlug, locale: 'en', mustChangePassword: false, requestId: null };
}

async function demoIntakeKey(db: DbOrTx) {
  const name = 'Demo scheduling system';
  const [existing] = await db.select({ id: intakeKeys.id, name: intakeKeys.name }).from(intakeKeys).where(eq(intakeKeys.name, name)).limit(1);
  if (existing) return { keyId: existing.id, name: existing.name };
  // Revoked from the start: it exists only so the demo bookings name their sender; nobody holds its secret.
  const [row] = await db
    .insert(intakeKeys)
    .values({ name, keyHash: hashIntakeKey(`prk_demo_${randomUUID()}`), keyPrefix: 'prk_demo', revokedAt: new Date() })
    .returning({ id: intakeKeys.id, name: intakeKeys.name });
  return { keyId: row!.id, name: row!.name };
}

/**
 * Writes the showcase for the given port-days (those the bulk seed just created). Steps whose time
 * is still ahead of `realNow` are left for the officers of the demo to do.
 */
export async function writeShowcase(db: DbOrTx, days: readonly ShowcaseDay[], opts: { realNow: Date; officerEmail: (slug: string) => string; supervisorEmail: string }): Promise<number> {
  if (days.length === 0) return 0;
  const key = await demoIntakeKey(db);
  const all = await db.select({ id: users.id, email: users.email, name: users.name, role: users.role, portId: users.portId }).from(users);
  const byEmail = new Map(all.map((u) => [u.email.toLowerCase(), u]));
  const supervisorUser = byEmail.get(opts.supervisorEmail.toLowerCase());
  if (!supervisorUser || supervisorUser.role !== 'supervisor') throw new Error('Demo showcase: the supervisor account is missing');
  const supervisor = actorFor({ ...supervisorUser, role: 'supervisor' }, null);
  let written = 0;
  let person = 0;
  const repeat: { booking: Record<string, unknown>; at: Date }[] = [];

  for (const [dayIndex, { port, date }] of days.entries()) {
    const officerUser = byEmail.get(opts.officerEmail(port.slug).toLowerCase());
    if (!officerUser) throw new Error(`Demo showcase: the officer of ${port.slug} is missing`);
    const officer = actorFor({ ...officerUser, role: 'officer' }, port.slug);
    const step = <T>(at: Date, run: () => Promise<T>) => stepAt(at, opts.realNow, run);

    for (const [i, slot] of DAY.entries()) {
      const [h, mm] = slot.hhmm.split(':').map(Number) as [number, number];
      const scheduledAt = portLocalInstant(date, h * 60 + mm, port.timeZone);
      const deadline = new Date(scheduledAt.getTime() + minutes(port.graceMinutes));
      const [nationality, language] = ORIGIN[(person + dayIndex) % ORIGIN.length]!;
      const booking = {
        port: port.slug,
        scheduledAt: scheduledAt.toISOString(),
        partySize: slot.fate === 'family' ? 3 : 1,
        person: {
          familyName: FAMILY[(person * 5 + i) % FAMILY.length]!,
          givenName: GIVEN[person % GIVEN.length]!,
          dateOfBirth: `19${70 + ((person * 7) % 30)}-0${1 + (person % 9)}-${String(10 + (person % 18)).padStart(2, '0')}`,
          nationality,
          language,
        },
      };
      person++;
      // The scheduling system books two days ahead.
      const bookedAt = new Date(scheduledAt.getTime() - minutes(48 * 60 + 17 * i));
      const booked = await step(bookedAt, () => bookAppointment(key, { idempotencyKey: `demo-${port.slug}-${date}-${i}`, body: booking }));
      if (!booked) continue;
      const id = (JSON.parse(booked.body) as { appointment: { id: string } }).appointment.id;
      written++;
      if (dayIndex === 0 && i === 0) repeat.push({ booking, at: bookedAt });

      if (slot.fate === 'no_show') {
        await step(new Date(deadline.getTime() + minutes(30)), () => markNoShow(officer, id));
        continue;
      }
      const arrival = slot.fate === 'late' ? new Date(deadline.getTime() + minutes(12)) : new Date(scheduledAt.getTime() - minutes(6));
      const arrived = await step(arrival, () => checkIn(officer, id, slot.fate === 'family' ? { membersPresent: 3 } : {}));
      if (!arrived || slot.fate === 'late' || slot.fate === 'in_progress') continue;
      const code = slot.fate === 'family' ? 'nta_release' : slot.fate === 'corrected' ? 'nta_parole' : 'er_credible_fear';
      const outcome = await step(new Date(arrival.getTime() + minutes(44)), () =>
        recordOutcome(officer, id, { code, interpreterUsed: language !== 'es', interpreterLanguage: language !== 'es' ? language : null, expectedVersion: arrived.appointment.version }),
      );
      if (outcome && slot.fate === 'corrected') {
        await step(new Date(arrival.getTime() + minutes(150)), () =>
          correctAppointment(supervisor, id, {
            outcome: { code: 'nta_release', notes: 'Released on recognizance per the shift supervisor; the parole code was chosen by mistake.' },
            reason: 'Wrong outcome code chosen at the desk; corrected after reviewing the file.',
            expectedVersion: outcome.appointment.version,
          }),
        );
      }
    }
  }

  // The same person booked again at another port the next day: a flag, reviewed by the supervisor.
  const first = repeat[0];
  const other = days.find((d) => d.port.slug !== first?.booking.port && d.date > String(first?.booking.scheduledAt).slice(0, 10));
  if (first && other) {
    const scheduledAt = portLocalInstant(other.date, 690, other.port.timeZone);
    const body = { ...first.booking, port: other.port.slug, scheduledAt: scheduledAt.toISOString() };
    const bookedAt = new Date(first.at.getTime() + minutes(3));
    const booked = await stepAt(bookedAt, opts.realNow, () => bookAppointment(key, { idempotencyKey: `demo-repeat-${other.port.slug}-${other.date}`, body }));
    if (booked) {
      written++;
      const id = (JSON.parse(booked.body) as { appointment: { id: string } }).appointment.id;
      const [flag] = await db.select({ id: appointmentFlags.id }).from(appointmentFlags).where(eq(appointmentFlags.appointmentId, id)).limit(1);
      if (flag) {
        await stepAt(new Date(bookedAt.getTime() + minutes(95)), opts.realNow, () =>
          reviewFlag(supervisor, flag.id, { decision: 'confirmed', reason: 'Same person, same birth date, booked at two ports a day apart; the scheduling system was told.' }),
        );
      }
    }
  }
  return written;
}

function stepAt<T>(at: Date, realNow: Date, run: () => Promise<T>): Promise<T | null> {
  return at.getTime() <= realNow.getTime() ? atSeedingClock(at, run) : Promise.resolve(null);
}
