/** Test-only helpers for the intake domain (keys, limits, booking bodies). */
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/database';
import { dateLimitOverrides, intakeKeys, nationalCap } from '@/db/schema';
import { nameTag, uid } from '@/lib/testing/factories';
import { hashIntakeKey, type IntakeKeyActor } from '@/lib/intake-keys/authenticate';
import { addDays, portLocalInstant } from '@/lib/time';

export async function createIntakeKey(name = `feed-${uid(3)}`): Promise<IntakeKeyActor & { secret: string }> {
  const db = await getDb();
  const secret = `pr_${randomBytes(24).toString('hex')}`;
  const [row] = await db
    .insert(intakeKeys)
    .values({ name, keyHash: hashIntakeKey(secret), keyPrefix: secret.slice(0, 8) })
    .returning({ id: intakeKeys.id, name: intakeKeys.name });
  return { keyId: row!.id, name: row!.name, secret };
}

export async function setDateLimit(portId: number, serviceDate: string, dailyLimit: number): Promise<void> {
  const db = await getDb();
  await db
    .insert(dateLimitOverrides)
    .values({ portId, serviceDate, dailyLimit })
    .onConflictDoUpdate({ target: [dateLimitOverrides.portId, dateLimitOverrides.serviceDate], set: { dailyLimit } });
}

/** Tests run in parallel files on one database: keep the national cap out of their way. */
export async function ensureLargeNationalCap(): Promise<void> {
  const db = await getDb();
  await db.insert(nationalCap).values({ id: 1, dailyCap: 1_000_000 }).onConflictDoUpdate({ target: nationalCap.id, set: { dailyCap: 1_000_000 } });
}

export function bookingBody(
  port: { slug: string; timeZone: string },
  date: string,
  minutes: number,
  person: Partial<{ familyName: string; givenName: string; dateOfBirth: string; nationality: string; language: string; documentNumber: string | null }> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    port: port.slug,
    scheduledAt: portLocalInstant(date, minutes, port.timeZone).toISOString(),
    partySize: 1,
    person: {
      familyName: `Fam${nameTag()}`,
      givenName: `Giv${nameTag()}`,
      // A different person each call: one shared birth date would serialise every test's bookings on one lock.
      dateOfBirth: addDays('1950-01-01', Math.floor(Math.random() * 20_000)),
      nationality: 'MX',
      language: 'es',
      ...person,
    },
    ...extra,
  };
}
