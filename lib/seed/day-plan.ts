/**
 * One port-day of demo appointments, as rows ready to insert. Pure: no database, no clock.
 *
 * Everything random is drawn from streams keyed by (seed, port, date) and never depends on
 * `now`, so a day seeded today or next week holds the same people and codes; `now` only
 * decides how far each appointment's story has got (see materialise()).
 */
import { personKeys } from '@/lib/identity/keys';
import type { appointments, outcomes } from '@/db/schema';
import { generateConfirmationCode } from '@/lib/roster/confirmation-code';
import { addDays, portLocalInstant, type IsoDate } from '@/lib/time';
import { OUTCOME_CODES, type OutcomeCode } from './fixtures';
import { drawPerson } from './names';
import { rng, type Rng } from './random';

export type NewAppointment = typeof appointments.$inferInsert;
export type NewOutcome = typeof outcomes.$inferInsert;

export interface PortDay {
  seed: number;
  portId: number;
  slug: string;
  timeZone: string;
  graceMinutes: number;
  date: IsoDate;
  /** Port-local today at `now`. */
  today: IsoDate;
  now: Date;
  dailyLimit: number;
  /** The port's demo officer: recorded as the one who checked people in and recorded outcomes. */
  officerId: string;
  /** Codes already used in this run; added to, so codes stay unique across days and ports. */
  usedCodes: Set<string>;
}

export interface DayPlan {
  appointments: NewAppointment[];
  outcomes: NewOutcome[];
}

const MINUTE = 60_000;

// Relative weight of each port-local hour: busiest in daytime, yet no hour is empty.
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, h) => {
  const w = h < 6 ? 1 : h === 6 ? 2 : h <= 18 ? 3.5 : h <= 21 ? 2 : 1.2;
  return [h, w] as const;
});

const PARTY_SIZES: readonly (readonly [number, number])[] = [[2, 30], [3, 30], [4, 22], [5, 12], [6, 6]];
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 20], [[25, 34], 35], [[35, 44], 25], [[45, 54], 12], [[55, 70], 8],
];
const OUTCOME_MIX: readonly (readonly [OutcomeCode, number])[] = [
  ['nta_parole', 55], ['nta_release', 20], ['er_credible_fear', 12], ['ice_custody', 6], ['withdrawal', 4], ['other', 3],
];
const OTHER_NOTES = [
  'Referred to CBP medical unit before processing; to be completed at next shift.',
  'Unaccompanied minor in the party; referred to ORR.',
  'Transferred to another port of entry for processing.',
  'Processing deferred: interpreter unavailable, rescheduled with the applicant.',
  'Applicant requested consular notification before interview.',
] as const;

// Guard: the mix must only name seeded codes.
const KNOWN_CODES = new Set<string>(OUTCOME_CODES.map((c) => c.code));
for (const [code] of OUTCOME_MIX) if (!KNOWN_CODES.has(code)) throw new Error(`unknown outcome ${code}`);

type Fate =
  | { kind: 'cancelled'; leadMinutes: number }
  | { kind: 'no_show' }
  | { kind: 'late'; minutesAfterDeadline: number; membersPresent: number }
  | {
      kind: 'on_time';
      offsetMinutes: number;
      processMinutes: number;
      /** A forgotten outcome: stays checked_in (real data has a few). */
      stuck: boolean;
      membersPresent: number;
      code: OutcomeCode;
      note: string | null;
      interpreter: boolean;
    };

interface DayRates {
  noShow: number;
  late: number;
}

function drawFate(r: Rng, rates: DayRates, partySize: number, graceMinutes: number, bookedMinutesAhead: number): Fate {
  const members = () => (partySize > 1 && r.chance(0.12) ? r.int(1, partySize - 1) : partySize);
  // Upstream cancels between booking and the appointment, at least an hour before it.
  if (r.chance(0.02)) return { kind: 'cancelled', leadMinutes: r.int(60, bookedMinutesAhead) };
  const u = r.next();
  if (u < rates.noShow) return { kind: 'no_show' };
  if (u < rates.noShow + rates.late) return { kind: 'late', minutesAfterDeadline: r.int(1, 150), membersPresent: members() };
  const code = r.weighted(OUTCOME_MIX);
  return {
    kind: 'on_time',
    offsetMinutes: r.int(-60, graceMinutes),
    processMinutes: r.int(30, 240),
    stuck: r.chance(0.005),
    membersPresent: members(),
    code,
    note: code === 'other' ? r.pick(OTHER_NOTES) : null,
    interpreter: r.chance(0.9),
  };
}

/** A v4-shaped UUID from the seeded stream, so reruns on fresh databases give identical rows. */
function seededUuid(r: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(r.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function uniqueCode(r: Rng, used: Set<string>): string {
  let code = generateConfirmationCode(r.next);
  while (used.has(code)) code = generateConfirmationCode(r.next);
  used.add(code);
  return code;
}

/** Port-local minutes of day for `count` appointments: one in every hour first, then weighted. */
function drawMinutes(r: Rng, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const hour = i < 24 && count >= 24 ? i : r.weighted(HOUR_WEIGHTS);
    out.push(hour * 60 + 5 * r.int(0, 11));
  }
  return out;
}

export function planPortDay(day: PortDay): DayPlan {
  const r = rng(day.seed, day.slug, day.date);
  const codes = rng(day.seed, 'code', day.slug, day.date);
  const ids = rng(day.seed, 'id', day.slug, day.date);

  // Bookings fill 85-100% of the limit, varying day to day; the no-show and late rates vary too.
  const count = Math.round(day.dailyLimit * (0.85 + 0.15 * r.next()));
  const rates: DayRates = { noShow: 0.09 + 0.05 * r.next(), late: 0.025 + 0.02 * r.next() };
  const minutes = drawMinutes(r, count);

  // portLocalInstant is zone-aware but not cheap: one call per distinct grid time of the day.
  const instantCache = new Map<number, Date>();
  const instantAt = (m: number): Date => {
    let at = instantCache.get(m);
    if (!at) {
      at = portLocalInstant(day.date, m, day.timeZone);
      instantCache.set(m, at);
    }
    return at;
  };

  const plan: DayPlan = { appointments: [], outcomes: [] };
  for (const m of minutes) {
    const scheduledAt = instantAt(m);
    const person = drawPerson(r);
    const partySize = r.chance(0.25) ? r.weighted(PARTY_SIZES) : 1;
    const [minAge, maxAge] = r.weighted(AGE_BANDS);
    const dateOfBirth = addDays(day.date, -Math.floor(r.int(minAge, maxAge) * 365.25) - r.int(1, 360));
    // Allocated 1-14 days ahead.
    const bookedMinutesAhead = r.int(1, 14) * 1440 + r.int(0, 1439);
    const fate = drawFate(r, rates, partySize, day.graceMinutes, bookedMinutesAhead);
    const id = seededUuid(ids);
    const createdAt = new Date(Math.min(scheduledAt.getTime() - bookedMinutesAhead * MINUTE, day.now.getTime()));

    const base: NewAppointment = {
      id,
      confirmationCode: uniqueCode(codes, day.usedCodes),
      portId: day.portId,
      scheduledAt,
      serviceDate: day.date,
      partySize,
      familyName: person.familyName,
      givenName: person.givenName,
      dateOfBirth,
      nationality: person.nationality,
      language: person.language,
      documentNumber: person.documentNumber,
      ...personKeys({ ...person, dateOfBirth }),
      status: 'scheduled',
      createdAt,
    };
    materialise(day, base, fate, plan);
  }
  plan.appointments.sort((a, b) => (a.scheduledAt as Date).getTime() - (b.scheduledAt as Date).getTime());
  return plan;
}

/**
 * How far the appointment's story has got at `now`. Nothing is ever dated after `now`.
 * History days store no_show explicitly; today leaves it 'scheduled' so the app derives it.
 */
function materialise(day: PortDay, row: NewAppointment, fate: Fate, plan: DayPlan): void {
  const push = (extra: Partial<NewAppointment>): void => {
    plan.appointments.push({ ...row, ...extra });
  };
  const now = day.now.getTime();
  const scheduled = (row.scheduledAt as Date).getTime();
  const deadline = scheduled + day.graceMinutes * MINUTE;
  const isHistory = day.date < day.today;

  if (day.date > day.today) return push({});

  if (fate.kind === 'cancelled') {
    const at = scheduled - fate.leadMinutes * MINUTE;
    return at <= now ? push({ status: 'cancelled', statusChangedAt: new Date(at), version: 2 }) : push({});
  }
  if (scheduled > now) return push({});

  const missed = () =>
    deadline < now && isHistory ? push({ status: 'no_show', statusChangedAt: new Date(deadline), version: 2 }) : push({});

  if (fate.kind === 'no_show') return missed();

  if (fate.kind === 'late') {
    const arrivedAt = deadline + fate.minutesAfterDeadline * MINUTE;
    if (arrivedAt > now) return missed();
    const at = new Date(arrivedAt);
    return push({
      status: 'late',
      arrivedAt: at,
      arrivedBy: day.officerId,
      membersPresent: fate.membersPresent,
      statusChangedAt: at,
      statusChangedBy: day.officerId,
      version: 2,
    });
  }

  const arrivedAt = scheduled + fate.offsetMinutes * MINUTE;
  if (arrivedAt > now) return push({});
  const arrived = {
    arrivedAt: new Date(arrivedAt),
    arrivedBy: day.officerId,
    membersPresent: fate.membersPresent,
  };
  const recordedAt = arrivedAt + fate.processMinutes * MINUTE;
  if (fate.stuck || recordedAt > now) {
    return push({ ...arrived, status: 'checked_in', statusChangedAt: arrived.arrivedAt, statusChangedBy: day.officerId, version: 2 });
  }
  const at = new Date(recordedAt);
  push({ ...arrived, status: 'processed', statusChangedAt: at, statusChangedBy: day.officerId, version: 3 });
  const language = row.language ?? 'es';
  plan.outcomes.push({
    appointmentId: row.id as string,
    code: fate.code,
    notes: fate.note,
    // Anyone outside Spanish and English needed an interpreter, nearly always provided.
    interpreterLanguage: language !== 'es' && language !== 'en' && fate.interpreter ? language : null,
    recordedAt: at,
    recordedBy: day.officerId,
  });
}
