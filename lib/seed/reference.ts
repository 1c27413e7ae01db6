/**
 * Idempotent inserts of the demo's reference rows. Every insert is "on conflict do nothing":
 * a rerun never overwrites what an administrator has since changed.
 */
import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { nationalCap, outcomeCodes, ports, users, weekdayLimits } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import {
  DEFAULT_GRACE_MINUTES,
  DEMO_ADMIN,
  DEMO_PORTS,
  DEMO_SUPERVISOR,
  NATIONAL_DAILY_CAP,
  OUTCOME_CODES,
  demoOfficerEmail,
} from './fixtures';

export async function ensureNationalCap(db: DbOrTx): Promise<void> {
  await db.insert(nationalCap).values({ id: 1, dailyCap: NATIONAL_DAILY_CAP }).onConflictDoNothing();
}

/** Returns the number of ports inserted. */
export async function upsertDemoPorts(db: DbOrTx): Promise<number> {
  const inserted = await db
    .insert(ports)
    .values(
      DEMO_PORTS.map((p) => ({
        slug: p.slug,
        name: p.name,
        state: p.state,
        timeZone: p.timeZone,
        code: p.code,
        graceMinutes: DEFAULT_GRACE_MINUTES,
        active: true,
        sortOrder: p.sortOrder,
      })),
    )
    // No target: a clash on slug or on the unique port code both mean "already there".
    .onConflictDoNothing()
    .returning({ id: ports.id });
  return inserted.length;
}

export async function upsertOutcomeCodes(db: DbOrTx): Promise<number> {
  const inserted = await db
    .insert(outcomeCodes)
    .values(OUTCOME_CODES.map((c) => ({ ...c, active: true })))
    .onConflictDoNothing()
    .returning({ code: outcomeCodes.code });
  return inserted.length;
}

/** Weekday defaults for the demo ports found by slug (ids may differ between databases). */
export async function upsertWeekdayLimits(db: DbOrTx, portIdBySlug: ReadonlyMap<string, number>): Promise<void> {
  const rows = DEMO_PORTS.flatMap((p) => {
    const portId = portIdBySlug.get(p.slug);
    if (portId === undefined) return [];
    return [1, 2, 3, 4, 5, 6, 7].map((isoWeekday) => ({ portId, isoWeekday, dailyLimit: p.dailyLimit }));
  });
  if (rows.length > 0) await db.insert(weekdayLimits).values(rows).onConflictDoNothing();
}

/** Creates the missing demo accounts; hashes the password only when one is missing (argon2 is slow). */
export async function upsertDemoUsers(
  db: DbOrTx,
  portIdBySlug: ReadonlyMap<string, number>,
  demoPassword: string,
): Promise<number> {
  const wanted = [
    { email: DEMO_ADMIN.email, name: DEMO_ADMIN.name, role: 'admin' as const, portId: null },
    { email: DEMO_SUPERVISOR.email, name: DEMO_SUPERVISOR.name, role: 'supervisor' as const, portId: null },
    ...DEMO_PORTS.flatMap((p) => {
      const portId = portIdBySlug.get(p.slug);
      if (portId === undefined) return [];
      return [{ email: demoOfficerEmail(p.slug), name: p.officerName, role: 'officer' as const, portId }];
    }),
  ];
  const emails = wanted.map((u) => u.email.toLowerCase());
  // The unique index is on lower(email), so existence is checked the same way.
  const existing = await db
    .select({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const have = new Set(existing.map((r) => r.email));
  const missing = wanted.filter((u) => !have.has(u.email.toLowerCase()));
  if (missing.length === 0) return 0;

  const passwordHash = await hashPassword(demoPassword);
  const inserted = await db
    .insert(users)
    .values(missing.map((u) => ({ ...u, passwordHash, active: true, mustChangePassword: false, locale: 'en' as const })))
    .onConflictDoNothing()
    .returning({ id: users.id });
  return inserted.length;
}
