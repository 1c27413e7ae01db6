import { afterAll, describe, expect, it } from 'vitest';
import { actorFor, createAppointment, createPort, createUser } from '@/lib/testing/factories';
import { createSession } from '@/lib/auth/session-store';
import { endActorSession } from '@/lib/auth/sign-out';
import { checkIn } from '@/lib/roster/check-in';
import { now } from '@/lib/time';
import { stopHub } from './hub';
import { STREAMS_PER_SESSION } from './leases';
import { openPortEventStream } from './stream';

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
    expect(change).toContain(`data: {"k":"arrival","a":"${appt.id}","d":"${appt.serviceDate}"}`);
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
});
