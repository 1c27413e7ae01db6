import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/database';
import { users } from '@/db/schema';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { createSession } from '@/lib/auth/session-store';
import { endActorSession } from '@/lib/auth/sign-out';
import { checkIn } from '@/lib/roster/check-in';
import { now } from '@/lib/time';
import { stopHub } from './hub';
import { STREAMS_PER_SESSION } from './leases';
import { MAX_STREAM_PORTS, openEventStream, openPortEventStream } from './stream';

afterAll(() => stopHub());

const SSE = 'text/event-stream';

async function setup() {
  const at = now();
  const zone = ['America/Phoenix', 'Asia/Tokyo', 'Europe/London', 'Pacific/Honolulu'].find((tz) => {
    const h = Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(at));
    return h >= 3 && h <= 20;
  })!;
  const port = await createPort({ timeZone: zone });
  const user = await createUser('officer', port.id);
  const officer = { ...actorFor(user, port.slug), sessionId: await createSession(user.id) };
  const appt = await createAppointment(port, new Date(at.getTime() + 30 * 60_000));
  return { port, officer, appt };
}

/** Reads SSE frames from a response body until `until` matches one or the time is up. */
function reader(response: Response) {
  const r = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let done = false;
  const frames: string[] = [];
  const pump = async (until: (frame: string) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done && Date.now() < deadline) {
      const hit = frames.find(until);
      if (hit) return hit;
      const chunk = await Promise.race([r.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))]);
      if (!chunk) break;
      if (chunk.done) done = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      frames.push(...parts);
    }
    return frames.find(until) ?? null;
  };
  return { frames, pump, cancel: () => r.cancel(), isDone: () => done };
}

describe('port event stream', () => {
  it('opens with retry and an id, then carries a check-in as a change event with ids only', async () => {
    const { port, officer, appt } = await setup();
    const response = await openPortEventStream(officer, port.slug, { lastEventId: null, accept: SSE });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('no-transform');
    const stream = reader(response);
    const first = await stream.pump((f) => f.includes('event: ready'), 2_000);
    expect(first).toMatch(/^retry: \d+\nid: [0-9a-f]{8}-\d+\nevent: ready\ndata: \{\}$/);
    await checkIn(officer, appt.id, {});
    const change = await stream.pump((f) => f.includes('event: change'), 5_000);
    expect(change).toContain(`data: {"k":"arrival","p":"${port.slug}","a":"${appt.id}","d":"${appt.serviceDate}"}`);
    expect(change).toMatch(/^id: [0-9a-f]{8}-\d+$/m);
    await stream.cancel();
  });

  it('another port is 404; a forged Last-Event-ID and a missing Accept are 400; a well-formed one resyncs', async () => {
    const { officer } = await setup();
    const other = await setup();
    await expect(openPortEventStream(officer, other.port.slug, { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openPortEventStream(officer, 'no-such-port', { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const slug = officer.portSlug!;
    for (const forged of ['42', 'abc', 'deadbeef-', 'deadbeef-1\u0000', 'x'.repeat(100_000), '../../etc', 'DEADBEEF-1', 'deadbeef-1234567890123456']) {
      await expect(openPortEventStream(officer, slug, { lastEventId: forged, accept: SSE }), forged.slice(0, 20)).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(openPortEventStream(officer, slug, { lastEventId: null, accept: 'application/json' })).rejects.toMatchObject({ code: 'VALIDATION' });
    const again = reader(await openPortEventStream(officer, slug, { lastEventId: 'deadbeef-17', accept: 'text/event-stream, */*' }));
    expect(await again.pump((f) => f.includes('event: '), 2_000)).toContain('event: resync');
    await again.cancel();
  });

  it(`allows ${STREAMS_PER_SESSION} streams per session, refuses the next with 429, and frees a slot when one closes`, async () => {
    const { port, officer } = await setup();
    const open = [];
    for (let i = 0; i < STREAMS_PER_SESSION; i++) open.push(reader(await openPortEventStream(officer, port.slug, { lastEventId: null, accept: SSE })));
    await expect(openPortEventStream(officer, port.slug, { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Another session of the same person has its own allowance.
    const second = { ...officer, sessionId: await createSession(officer.userId) };
    const elsewhere = reader(await openPortEventStream(second, port.slug, { lastEventId: null, accept: SSE }));
    await open.pop()!.cancel();
    // The lease is deleted as the stream closes (asynchronously).
    let reopened: Awaited<ReturnType<typeof openPortEventStream>> | null = null;
    for (let i = 0; i < 20 && !reopened; i++) {
      reopened = await openPortEventStream(officer, port.slug, { lastEventId: null, accept: SSE }).catch(() => null);
      if (!reopened) await new Promise((r) => setTimeout(r, 50));
    }
    expect(reopened).not.toBeNull();
    await reader(reopened!).cancel();
    for (const s of [...open, elsewhere]) await s.cancel();
  });

  it('ends at the next heartbeat once the session is signed out', async () => {
    const { port, officer } = await setup();
    const stream = reader(await openPortEventStream(officer, port.slug, { lastEventId: null, accept: SSE, heartbeatMs: 100 }));
    expect(await stream.pump((f) => f === ': heartbeat', 2_000)).toBe(': heartbeat');
    await endActorSession(officer, 'signed_out');
    const end = await stream.pump((f) => f.includes('event: end'), 3_000);
    expect(end).toContain('data: {"reason":"signed_out"}');
    await stream.pump(() => false, 500);
    expect(stream.isDone()).toBe(true);
  });

  it('several ports in one stream: each change says its port, other ports stay silent, one lease, same scope and Last-Event-ID', async () => {
    const a = await setup();
    const b = await setup();
    const c = await setup();
    const user = await createUser('supervisor', null);
    const supervisor = { ...actorFor(user), sessionId: await createSession(user.id) };
    const stream = reader(await openEventStream(supervisor, [a.port.slug, b.port.slug, a.port.slug], { lastEventId: null, accept: SSE }));
    expect(await stream.pump((f) => f.includes('event: '), 2_000)).toContain('event: ready');
    await checkIn(c.officer, c.appt.id, {});
    await checkIn(b.officer, b.appt.id, {});
    const change = await stream.pump((f) => f.includes('event: change'), 5_000);
    expect(change).toContain(`data: {"k":"arrival","p":"${b.port.slug}","a":"${b.appt.id}","d":"${b.appt.serviceDate}"}`);
    await checkIn(a.officer, a.appt.id, {});
    expect(await stream.pump((f) => f.includes(a.appt.id), 5_000)).toContain(`"p":"${a.port.slug}"`);
    // Port c is not in this stream: its check-in (committed first) never appears.
    expect(stream.frames.filter((f) => f.includes('event: change')).map((f) => /"p":"([^"]+)"/.exec(f)![1])).toEqual([b.port.slug, a.port.slug]);
    await stream.cancel();

    // An officer may name only their own port: any other in the list is 404, as for one port.
    await expect(openEventStream(a.officer, [a.port.slug, b.port.slug], { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(openEventStream(a.officer, [a.port.slug, 'no-such-port'], { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const none of [[], Array.from({ length: MAX_STREAM_PORTS + 1 }, (_, i) => `p${i}`)]) {
      await expect(openEventStream(supervisor, none, { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    await expect(openEventStream(supervisor, [a.port.slug, b.port.slug], { lastEventId: '../1', accept: SSE })).rejects.toMatchObject({ code: 'VALIDATION' });
    const again = reader(await openEventStream(supervisor, [a.port.slug, b.port.slug], { lastEventId: 'deadbeef-17', accept: SSE }));
    expect(await again.pump((f) => f.includes('event: '), 2_000)).toContain('event: resync');

    // However many ports a stream carries, it is one of the session's streams.
    const open = [again];
    for (let i = 1; i < STREAMS_PER_SESSION; i++) open.push(reader(await openEventStream(supervisor, [a.port.slug, b.port.slug, c.port.slug], { lastEventId: null, accept: SSE })));
    await expect(openEventStream(supervisor, [a.port.slug], { lastEventId: null, accept: SSE })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    for (const s of open) await s.cancel();
  });

  it('a several-port stream ends at the next heartbeat when the session loses one of its ports', async () => {
    const a = await setup();
    const b = await setup();
    const user = await createUser('supervisor', null);
    const supervisor = { ...actorFor(user), sessionId: await createSession(user.id) };
    const stream = reader(await openEventStream(supervisor, [a.port.slug, b.port.slug], { lastEventId: null, accept: SSE, heartbeatMs: 100 }));
    expect(await stream.pump((f) => f === ': heartbeat', 2_000)).toBe(': heartbeat');
    // Made an officer of port a: port b is no longer theirs to watch.
    const db = await getDb();
    await db.update(users).set({ role: 'officer', portId: a.port.id }).where(eq(users.id, user.id));
    expect(await stream.pump((f) => f.includes('event: end'), 3_000)).toContain('data: {"reason":"forbidden"}');
  });
});
