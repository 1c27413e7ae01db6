/** Test helpers for outcomes: own codes per test file and a checked-in appointment. */
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { outcomeCodes } from '@/db/schema';
import { createAppointment, uid } from '@/lib/testing/factories';
import { ownerDb } from '@/lib/testing/owner';
import { now } from '@/lib/time';

export async function createOutcomeCodes() {
  const db = await getDb();
  const p = `t${uid(3)}`;
  const codes = { plain: `${p}_plain`, note: `${p}_note`, retired: `${p}_retired` };
  await db.insert(outcomeCodes).values([
    { code: codes.plain, labelEn: 'Plain', labelEs: 'Simple', requiresNote: false, active: true, sortOrder: 1 },
    { code: codes.note, labelEn: 'Needs a note', labelEs: 'Con nota', requiresNote: true, active: true, sortOrder: 2 },
    { code: codes.retired, labelEn: 'Retired', labelEs: 'Retirado', requiresNote: false, active: false, sortOrder: 3 },
  ]);
  return codes;
}

/** An appointment an hour ago, checked in on time by `officerId`. */
export async function createCheckedIn(port: { id: number; timeZone: string }, officerId: string, overrides: Parameters<typeof createAppointment>[2] = {}) {
  const at = now();
  return createAppointment(port, new Date(at.getTime() - 60 * 60_000), {
    status: 'checked_in',
    arrivedAt: new Date(at.getTime() - 65 * 60_000),
    arrivedBy: officerId,
    membersPresent: 1,
    version: 2,
    ...overrides,
  });
}

/**
 * Makes every audit insert for one port fail inside the database (a real failure of the real insert,
 * no mocks), for as long as `fn` runs. Other ports' events are unaffected.
 */
export async function withAuditInsertFailing<T>(portId: number, fn: () => Promise<T>): Promise<T> {
  // Triggers are the owner's business: the app's own role cannot create them (issue 13).
  const db = await ownerDb();
  const name = `audit_fail_${portId}`;
  await db.execute(
    sql.raw(`create or replace function ${name}() returns trigger as $$
      begin if new.port_id = ${Number(portId)} then raise exception 'injected audit failure'; end if; return new; end; $$ language plpgsql`),
  );
  await db.execute(sql.raw(`create trigger ${name} before insert on audit_events for each row execute function ${name}()`));
  try {
    return await fn();
  } finally {
    await db.execute(sql.raw(`drop trigger if exists ${name} on audit_events`));
    await db.execute(sql.raw(`drop function if exists ${name}()`));
  }
}
