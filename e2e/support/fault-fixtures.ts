/** Rows for the fault tests, written straight to their own database (as lib/testing/factories.ts does for db tests). */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from 'postgres';
import { hashPassword } from '../../lib/auth/password';
import { generateConfirmationCode } from '../../lib/roster/confirmation-code';
import { personKeys } from '../../lib/identity/keys';

const storedKeys = (k: ReturnType<typeof personKeys>) => ({
  identity_key: k.identityKey,
  document_key: k.documentKey,
  search_key: k.searchKey,
  identity_key_version: k.identityKeyVersion,
});

export const OFFICER_PASSWORD = 'fault-tests-password-0123';

/**
 * An IANA zone where it is about noon now, so appointments half an hour ahead fall on the port's
 * today whatever the hour of the run (check-in is only possible on the service date).
 */
export function middayZone(at = new Date()): string {
  const offset = 12 - at.getUTCHours(); // -11 … +12
  if (offset === 0) return 'Etc/GMT';
  // Etc/GMT zones have inverted signs: Etc/GMT-5 is UTC+5.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export interface PortFixture {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
  officerEmail: string;
}

export async function portWithOfficer(sql: Sql, slug: string, code: string, timeZone = middayZone()): Promise<PortFixture> {
  const name = `Fault ${slug}`;
  const [port] = await sql<{ id: number }[]>`insert into ports (slug, name, state, time_zone, code) values (${slug}, ${name}, 'TX', ${timeZone}, ${code}) returning id`;
  const officerEmail = `officer.${slug}@faults.example`;
  await sql`insert into users (email, name, role, port_id, password_hash) values (${officerEmail}, ${`Officer ${slug}`}, 'officer', ${port!.id}, ${await hashPassword(OFFICER_PASSWORD)})`;
  return { id: port!.id, slug, name, timeZone, officerEmail };
}

/** `count` people due half an hour from now at the port (today there), one per row. */
export async function dueSoon(sql: Sql, port: PortFixture, count: number, familyName = 'Falla'): Promise<string[]> {
  const scheduledAt = new Date(Date.now() + 30 * 60_000);
  const serviceDate = new Intl.DateTimeFormat('en-CA', { timeZone: port.timeZone }).format(scheduledAt);
  const rows = Array.from({ length: count }, (_, i) => ({
    confirmation_code: generateConfirmationCode(Math.random),
    port_id: port.id,
    scheduled_at: scheduledAt,
    service_date: serviceDate,
    family_name: `${familyName} ${i}`,
    given_name: 'Ana',
    date_of_birth: '1990-01-01',
    nationality: 'MX',
    language: 'es',
    ...storedKeys(personKeys({ familyName: `${familyName} ${i}`, givenName: 'Ana', dateOfBirth: '1990-01-01', nationality: 'MX' })),
  }));
  const inserted = await sql<{ id: string }[]>`
    insert into appointments ${sql(rows)} on conflict do nothing returning id`;
  return inserted.map((r) => r.id);
}

/** Arrived (checked in or late) ⇔ exactly one arrival audit event, for every appointment of the port. */
export async function arrivalsAndAudit(sql: Sql, portId: number) {
  return sql<{ id: string; status: string; events: number }[]>`
    select a.id, a.status::text as status, count(e.id)::int as events
    from appointments a
    left join audit_events e on e.target_type = 'appointment' and e.target_id = a.id::text
      and e.action in ('appointment.checked_in', 'appointment.arrived_late')
    where a.port_id = ${portId}
    group by a.id, a.status`;
}

/** An intake key the way lib/intake-keys/write.ts stores one: only the secret's SHA-256 and prefix. */
export async function intakeKey(sql: Sql, name: string): Promise<{ id: string; secret: string }> {
  const secret = `prk_${randomBytes(32).toString('base64url')}`;
  const [row] = await sql<{ id: string }[]>`
    insert into intake_keys (name, key_hash, key_prefix)
    values (${name}, ${createHash('sha256').update(secret, 'utf8').digest('hex')}, ${secret.slice(0, 12)}) returning id`;
  return { id: row!.id, secret };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
