/** Each test makes its own rows: unique ports, users and appointments, never the demo seed. */
import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/database';
import { appointments, ports, users } from '@/db/schema';
import type { AppointmentStatus, Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { personKeys } from '@/lib/identity/keys';
import { generateConfirmationCode } from '@/lib/roster/confirmation-code';
import { addDays, serviceDate } from '@/lib/time';

export const uid = (n = 4) => randomBytes(n).toString('hex');
/** A random tag of letters only, for names (names may not contain digits). */
export const nameTag = (n = 3) => [...randomBytes(n * 2)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';
const testHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function createPort(overrides: Partial<typeof ports.$inferInsert> = {}) {
  const db = await getDb();
  // Port codes are four digits, so parallel test files can draw the same one: retry on a clash.
  for (let attempt = 0; ; attempt++) {
    const id = uid(3);
    try {
      const [row] = await db
        .insert(ports)
        .values({
          slug: `test-${id}`,
          name: `Test ${id}`,
          state: 'TX',
          timeZone: 'America/Chicago',
          code: String(1000 + Math.floor(Math.random() * 8999)),
          graceMinutes: 15,
          ...overrides,
        })
        .returning();
      return row!;
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code !== '23505' || attempt >= 20 || overrides.code || overrides.slug) throw error;
    }
  }
}

export async function createUser(role: Role, portId: number | null, overrides: Partial<typeof users.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({
      email: `${role}.${uid()}@test.example`,
      name: `Test ${role} ${uid(2)}`,
      role,
      portId: role === 'officer' ? portId : null,
      passwordHash: await testHash(),
      ...overrides,
    })
    .returning();
  return row!;
}

export function actorFor(user: Awaited<ReturnType<typeof createUser>>, portSlug: string | null = null): Actor {
  return {
    userId: user.id,
    sessionId: '00000000-0000-0000-0000-000000000000',
    email: user.email,
    name: user.name,
    role: user.role,
    portId: user.portId,
    portSlug,
    locale: user.locale,
    mustChangePassword: false,
    requestId: null,
  };
}

export async function createAppointment(
  port: { id: number; timeZone: string },
  scheduledAt: Date,
  overrides: Partial<typeof appointments.$inferInsert> & { status?: AppointmentStatus } = {},
) {
  const db = await getDb();
  const values = {
    confirmationCode: generateConfirmationCode(Math.random),
    portId: port.id,
    scheduledAt,
    serviceDate: serviceDate(scheduledAt, port.timeZone),
    partySize: 1,
    familyName: 'Peña Núñez',
    // A different person each call (the stored identity key is unique per person and date).
    givenName: `José ${nameTag()}`,
    dateOfBirth: addDays('1950-01-01', Math.floor(Math.random() * 20_000)),
    nationality: 'MX',
    language: 'es',
    ...overrides,
  };
  // The stored keys as every intake path writes them (a test may still override them).
  const [row] = await db
    .insert(appointments)
    .values({ ...personKeys(values), ...values })
    .returning();
  return row!;
}
