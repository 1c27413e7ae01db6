import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { createAppointment, createPort } from '@/lib/testing/factories';
import { addDays, now, portLocalInstant, portToday } from '@/lib/time';
import { IDENTITY_KEY_VERSION } from './keys';
import { recomputeIdentityKeys } from './recompute';

describe('recomputeIdentityKeys (the migrate data step)', () => {
  it('rewrites keys of older rows, flags the hoards the old key missed, and is idempotent', async () => {
    const port = await createPort();
    const date = addDays(portToday(port.timeZone, now()), 3);
    const person = { familyName: 'Pérez', givenName: 'Ana', dateOfBirth: '1977-07-07', nationality: 'CU', documentNumber: null };
    const a = await createAppointment(port, portLocalInstant(date, 600, port.timeZone), person);
    // As rows written by the old translate() key: the fullwidth twin got a key of its own.
    const b = await createAppointment(port, portLocalInstant(date, 660, port.timeZone), { ...person, givenName: 'Ａｎａ', identityKey: 'name:old|x', identityKeyVersion: 1 });
    const db = await getDb();
    await db.execute(sql`update appointments set identity_key = 'name:old|' || id::text, search_key = null, identity_key_version = null where id in (${a.id}, ${b.id})`);
    expect(await recomputeIdentityKeys(db)).toBeGreaterThanOrEqual(2);
    const rows = await queryRows<{ id: string; identity_key: string; search_key: string; v: number }>(
      db,
      sql`select id, identity_key, search_key, identity_key_version as v from appointments where id in (${a.id}, ${b.id}) order by created_at, id`,
    );
    expect(rows.every((r) => r.v === IDENTITY_KEY_VERSION && r.search_key === 'ana perez')).toBe(true);
    const keys = rows.map((r) => r.identity_key);
    expect(keys.filter((k) => k === 'perez|ana|1977-07-07|CU')).toHaveLength(1);
    const flags = await queryRows<{ appointment_id: string; kind: string }>(
      db,
      sql`select appointment_id, kind::text from appointment_flags where appointment_id in (${a.id}, ${b.id})`,
    );
    expect(flags.map((f) => f.kind)).toEqual(['multiple_bookings', 'multiple_bookings']);
    expect(await recomputeIdentityKeys(db)).toBe(0);
  });
});
