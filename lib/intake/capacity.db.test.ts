import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { createAppointment, createPort } from '@/lib/testing/factories';
import { addDays, now, portLocalInstant, portToday } from '@/lib/time';
import { rebuildDailyBookings } from './capacity';
import { identityKey, documentKey, nameTokens } from '@/lib/identity/keys';

describe('rebuildDailyBookings', () => {
  it('recounts active appointments per port and date, including dates that emptied', async () => {
    const port = await createPort();
    const d = addDays(portToday(port.timeZone, now()), 6);
    const d2 = addDays(d, 1);
    await createAppointment(port, portLocalInstant(d, 600, port.timeZone), { documentNumber: 'A1' });
    await createAppointment(port, portLocalInstant(d, 610, port.timeZone), { documentNumber: 'A2' });
    await createAppointment(port, portLocalInstant(d, 620, port.timeZone), { documentNumber: 'A3', status: 'cancelled' });
    const db = await getDb();
    await db.execute(sql`insert into daily_bookings (port_id, service_date, booked) values (${port.id}, ${d}, 9), (${port.id}, ${d2}, 4)`);
    await rebuildDailyBookings(db, { portIds: [port.id] });
    const rows = await queryRows<{ service_date: string; booked: number }>(
      db,
      sql`select service_date::text, booked from daily_bookings where port_id = ${port.id} order by 1`,
    );
    expect(rows).toEqual([
      { service_date: d, booked: 2 },
      { service_date: d2, booked: 0 },
    ]);
  });
});

describe('intake rules', () => {
  it('identity keys: document first, else folded name + birth date + nationality', () => {
    const base = { familyName: 'Peña', givenName: 'José', dateOfBirth: '1990-01-01', nationality: 'mx' };
    expect(identityKey(base)).toBe(identityKey({ ...base, familyName: ' PEÑA ', givenName: 'jose' }));
    expect(documentKey('ab-12 3')).toBe('AB123');
    expect(identityKey(base)).not.toBe(identityKey({ ...base, dateOfBirth: '1990-01-02' }));
    expect(nameTokens('José María', 'Peña')).toEqual(nameTokens('PENA', 'maria jose'));
  });
});
