import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/database';
import { ownerDb } from '@/lib/testing/owner';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { recordAudit } from '@/lib/audit/record';
import { checkIn } from '@/lib/roster/check-in';
import { getRoster } from '@/lib/roster/queries';
import { now } from '@/lib/time';
import { stopHub, subscribe } from './hub';
import type { PortEventPayload } from './notify';

afterAll(() => stopHub());

/** A port whose local time is far from midnight, so an appointment 30 minutes ahead is today's. */
async function setup() {
  const at = now();
  const zone = ['America/Phoenix', 'Asia/Tokyo', 'Europe/London', 'Pacific/Honolulu'].find((tz) => {
    const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(at));
    return h >= 3 && h <= 20;
  })!;
  const port = await createPort({ timeZone: zone });
  const officer = actorFor(await createUser('officer', port.id), port.slug);
  const appt = await createAppointment(port, new Date(at.getTime() + 30 * 60_000));
  return { port, officer, appt };
}

/** Everything the hub delivers for one port, and a way to wait for the next one. */
async function listenTo(portId: number) {
  const heard: PortEventPayload[] = [];
  let wake: (() => void) | null = null;
  const stop = await subscribe({
    portIds: new Set([portId]),
    onChange: (e) => {
      heard.push(e);
      wake?.();
    },
    onResync: () => undefined,
    onUnavailable: () => undefined,
  });
  const next = (ms: number) =>
    new Promise<PortEventPayload | null>((resolve) => {
      const before = heard.length;
      const timer = setTimeout(() => resolve(heard[before] ?? null), ms);
      wake = () => {
        clearTimeout(timer);
        resolve(heard[before] ?? null);
      };
    });
  return { heard, next, stop };
}

describe('live events', () => {
  it("a check-in's notify reaches a listener, with ids only", async () => {
    const { port, officer, appt } = await setup();
    const other = await setup();
    const mine = await listenTo(port.id);
    const theirs = await listenTo(other.port.id);
    const arrival = mine.next(5_000);
    await checkIn(officer, appt.id, {});
    expect(await arrival).toEqual({ p: port.id, k: 'arrival', a: appt.id, d: appt.serviceDate });
    // Heard only after commit: a read made on hearing it sees the change.
    const roster = await getRoster(officer, port.slug, { date: appt.serviceDate });
    expect(roster.appointments.find((a) => a.id === appt.id)?.status).toBe('checked_in');
    // No name, no code: the payload says which row changed, the scoped roster read says how.
    expect(JSON.stringify(mine.heard)).not.toContain(appt.familyName);
    // Another port's stream hears nothing of it.
    expect(await theirs.next(300)).toBeNull();
    mine.stop();
    theirs.stop();
  });

  it("a rolled-back transaction's notify is never delivered", async () => {
    const { port, appt } = await setup();
    const listener = await listenTo(port.id);
    const db = await getDb();
    const failed = db.transaction(async (tx) => {
      await recordAudit(tx, { userId: null, role: null, label: 'test' }, {
        action: 'appointment.checked_in',
        targetType: 'appointment',
        targetId: appt.id,
        portId: port.id,
      });
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    // A committed one afterwards arrives, so the listener was listening all along.
    const committed = listener.next(5_000);
    await db.transaction((tx) =>
      recordAudit(tx, { userId: null, role: null, label: 'test' }, { action: 'capacity.weekdays_set', targetType: 'port', targetId: port.slug, portId: port.id }),
    );
    expect(await committed).toEqual({ p: port.id, k: 'capacity' });
    expect(listener.heard).toHaveLength(1);
    listener.stop();
  });

  it('an audited action that changes nothing on a roster notifies nothing', async () => {
    const { port, appt } = await setup();
    const listener = await listenTo(port.id);
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, { userId: null, role: null, label: 'test' }, { action: 'appointment.document_revealed', targetType: 'appointment', targetId: appt.id, portId: port.id }),
    );
    expect(await listener.next(300)).toBeNull();
    listener.stop();
  });

  it.skipIf(!process.env.MIGRATION_DATABASE_URL)('after PostgreSQL drops its connection the listener listens again and streams are told to resync', async () => {
    const { port, officer, appt } = await setup();
    let resyncs = 0;
    const heard: PortEventPayload[] = [];
    const stop = await subscribe({ portIds: new Set([port.id]), onChange: (e) => heard.push(e), onResync: () => resyncs++, onUnavailable: () => undefined });
    const owner = await ownerDb();
    const cut = await owner.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`,
    );
    expect(Array.from(cut as unknown as unknown[])).toHaveLength(1);
    await vi.waitFor(() => expect(resyncs).toBe(1), { timeout: 5_000, interval: 50 });
    await checkIn(officer, appt.id, {});
    await vi.waitFor(() => expect(heard).toEqual([{ p: port.id, k: 'arrival', a: appt.id, d: appt.serviceDate }]), { timeout: 5_000, interval: 50 });
    stop();
  });
});
