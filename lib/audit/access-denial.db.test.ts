/** Refusals leave an access.denied event in the right chain; genuine misses and other errors leave none. */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { queryRows } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser, uid } from '@/lib/testing/factories';
import { getAppointmentDetail } from '@/lib/appointments/queries';
import { isAccessDenied } from '@/lib/auth/access-denied';
import { assertCan } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { resolveStatsPorts } from '@/lib/stats/queries';
import { ACCESS_DENIED_ACTION, recordApiDenial } from './access-denial';
import { verifyAuditChains } from './verify';

async function caught(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

async function denialsFor(requestId: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.action, ACCESS_DENIED_ACTION), eq(auditEvents.requestId, requestId)));
}

const request = (method: string, path: string, address = `192.0.2.${uid()}`) =>
  new Request(`http://localhost${path}?q=Secret+Name`, { method, headers: { 'x-forwarded-for': address } });

describe('access.denied events', () => {
  it('records a role refusal with the actor, their port, the method and path (no query) and why', async () => {
    const port = await createPort();
    const officer = actorFor(await createUser('officer', port.id));
    const error = await caught(() => assertCan(officer, 'admin.users'));
    const requestId = `req-${uid()}`;
    await recordApiDenial(request('POST', '/api/v1/admin/users'), error, requestId);
    const [event, ...more] = await denialsFor(requestId);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: officer.userId,
      actorRole: 'officer',
      portId: port.id,
      targetType: 'request',
      targetId: 'POST /api/v1/admin/users',
      after: { status: 403, code: 'FORBIDDEN' },
      reason: 'role officer may not admin.users',
    });
  });

  it('records another port\u2019s appointment as a denial in that port\u2019s chain, and a missing one not at all', async () => {
    const own = await createPort();
    const other = await createPort();
    const officer = actorFor(await createUser('officer', own.id));
    const appt = await createAppointment(other, new Date());
    const hidden = await caught(getAppointmentDetail(officer, appt.id));
    const missing = await caught(getAppointmentDetail(officer, '00000000-0000-4000-8000-000000000000'));
    // The client cannot tell them apart...
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // ...the audit trail can.
    expect(isAccessDenied(hidden)).toBe(true);
    expect(isAccessDenied(missing)).toBe(false);
    const [hiddenId, missingId] = [`req-${uid()}`, `req-${uid()}`];
    await recordApiDenial(request('GET', `/api/v1/appointments/${appt.id}`), hidden, hiddenId);
    await recordApiDenial(request('GET', '/api/v1/appointments/00000000-0000-4000-8000-000000000000'), missing, missingId);
    expect(await denialsFor(missingId)).toEqual([]);
    const [event] = await denialsFor(hiddenId);
    expect(event).toMatchObject({ actorId: officer.userId, portId: other.id, after: { status: 404, code: 'NOT_FOUND' } });
    expect((await verifyAuditChains(await getDb(), { portIds: [other.id] })).intact).toBe(true);
  });

  it('records an anonymous 401 in the global chain, and nothing for errors that are not refusals', async () => {
    const requestId = `req-${uid()}`;
    await recordApiDenial(request('GET', '/api/v1/ports'), new AppError('UNAUTHENTICATED', 'Sign in first.'), requestId);
    expect(await denialsFor(requestId)).toMatchObject([{ actorId: null, actorLabel: 'anonymous', portId: null, after: { status: 401 } }]);
    for (const error of [new AppError('VALIDATION', 'bad'), new AppError('CONFLICT', 'late'), new Error('crash')]) {
      const id = `req-${uid()}`;
      await recordApiDenial(request('POST', '/api/v1/appointments/x/check-in'), error, id);
      expect(await denialsFor(id)).toEqual([]);
    }
  });

  it('answers an officer asking for another port\u2019s statistics exactly like a missing port, but as a denial', async () => {
    const own = await createPort();
    const other = await createPort();
    const officer = actorFor(await createUser('officer', own.id));
    const hidden = await caught(resolveStatsPorts(officer, [other.slug]));
    const missing = await caught(resolveStatsPorts(officer, [`nowhere-${uid()}`]));
    expect(hidden).toMatchObject({ code: 'NOT_FOUND', message: `No port "${other.slug}".` });
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    expect(isAccessDenied(hidden)).toBe(true);
    expect(isAccessDenied(missing)).toBe(false);
  });

  it('aggregates a flood of anonymous refusals: exact counts, a bounded number of audit rows', async () => {
    const db = await getDb();
    const total = async () =>
      (await queryRows<{ hits: number }>(db, sql`select coalesce(sum(hits), 0)::int as hits from access_denial_counts where address <> '#distinct'`))[0]!.hits;
    const before = (await db.select().from(auditEvents)).length;
    const countedBefore = await total();
    const flooder = `192.0.2.${uid()}`;
    const error = new AppError('UNAUTHENTICATED', 'Sign in first.');
    for (let batch = 0; batch < 40; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => recordApiDenial(request('POST', '/api/v1/appointments/x/check-in', flooder), error, null)));
    }
    // 2,000 forged requests from 2,000 forged addresses as well.
    for (let batch = 0; batch < 40; batch++) {
      await Promise.all(Array.from({ length: 50 }, () => recordApiDenial(request('GET', '/api/v1/ports'), error, null)));
    }
    const added = (await db.select().from(auditEvents)).length - before;
    const counted = (await total()) - countedBefore;
    console.info(`[figures] 4,000 anonymous refusals (2,000 from one address, 2,000 from distinct ones): ${added} audit rows, ${counted} counted`);
    // One address: events at the 1st, 10th, 100th and 1000th refusal of each minute; distinct ones: at most 200 + "other"'s few.
    expect(added).toBeLessThanOrEqual(2 * 4 + 200 * 2 + 8);
    expect(counted).toBe(4000);
  });
});
