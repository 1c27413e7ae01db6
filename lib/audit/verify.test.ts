import { describe, expect, it } from 'vitest';
import { eventHash } from './hash';
import { describeReport, hashable, verifyEvents, type VerifiableEvent } from './verify';

/** A correct chain of n events over the given ports (null = global), interleaved by id as real writers do. */
function buildChain(n: number, portIds: (number | null)[] = [1]): VerifiableEvent[] {
  const last = new Map<number | null, string | null>();
  const start = Date.UTC(2026, 10, 25, 8, 0, 0);
  const events: VerifiableEvent[] = [];
  for (let i = 0; i < n; i++) {
    const portId = portIds[i % portIds.length]!;
    const content = {
      at: new Date(start + i * 1000),
      actorId: '00000000-0000-4000-8000-000000000001',
      actorRole: 'officer',
      portId,
      action: i % 2 ? 'appointment.checked_in' : 'appointment.outcome_recorded',
      targetType: 'appointment',
      targetId: `a-${i}`,
      before: { status: 'scheduled', version: 1 },
      after: { status: 'checked_in', version: 2, notes: 'línea 1\nlínea 2' },
      reason: null,
      requestId: null,
    };
    const prevHash = last.get(portId) ?? null;
    const hash = eventHash(prevHash, content);
    last.set(portId, hash);
    events.push({ id: i + 1, ...content, prevHash, hash });
  }
  return events;
}

describe('audit chain verifier (in memory)', () => {
  it('passes a clean chain of 100,000 events', () => {
    const events = buildChain(100_000, [1, 2, null]);
    const report = verifyEvents(events);
    expect(report.intact).toBe(true);
    expect(report.eventsChecked).toBe(100_000);
    expect(report.chains.map((c) => [c.portId, c.events])).toEqual([
      [null, 33_333],
      [1, 33_334],
      [2, 33_333],
    ]);
    expect(describeReport(report)).toBe('intact, 100000 events checked (3 chains)');
  });

  it('catches an edited event (content changed, hash kept)', () => {
    const events = buildChain(50, [1, 2]);
    events[20] = { ...events[20]!, reason: 'quietly rewritten' };
    const report = verifyEvents(events);
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({ eventId: 21, kind: 'edited', portId: 1 });
    // The other chain is untouched.
    expect(report.chains.find((c) => c.portId === 2)!.firstBreak).toBeNull();
  });

  it('catches an edited event whose hash was recomputed too: the next link breaks', () => {
    const events = buildChain(10);
    const e = { ...events[4]!, after: { status: 'processed' } };
    e.hash = eventHash(e.prevHash, hashable(e));
    events[4] = e;
    const report = verifyEvents(events);
    expect(report.firstBreak).toMatchObject({ eventId: 6, kind: 'broken_link' });
  });

  it('catches a deleted event', () => {
    const events = buildChain(30);
    events.splice(12, 1); // id 13 gone
    const report = verifyEvents(events);
    expect(report.firstBreak).toMatchObject({ eventId: 14, kind: 'broken_link' });
    expect(describeReport(report)).toContain('first broken event id 14');
  });

  it('catches a deleted first event', () => {
    const events = buildChain(5).slice(1);
    expect(verifyEvents(events).firstBreak).toMatchObject({ eventId: 2, kind: 'broken_link' });
  });

  it('catches two reordered events (ids swapped)', () => {
    const events = buildChain(30);
    const a = events[7]!;
    const b = events[8]!;
    events[7] = { ...b, id: a.id };
    events[8] = { ...a, id: b.id };
    const report = verifyEvents(events);
    expect(report.firstBreak).toMatchObject({ eventId: 8, kind: 'broken_link' });
  });

  it('catches an event moved to another port', () => {
    const events = buildChain(20, [1, 2]);
    events[9] = { ...events[9]!, portId: 1 };
    expect(verifyEvents(events).intact).toBe(false);
  });

  it('reports each broken chain once, not as a cascade', () => {
    const events = buildChain(40, [1, 2]);
    events[3] = { ...events[3]!, action: 'x' };
    events[10] = { ...events[10]!, action: 'y' };
    const report = verifyEvents(events);
    expect(report.chains.filter((c) => c.firstBreak).map((c) => c.firstBreak!.eventId)).toEqual([11, 4]);
    expect(report.firstBreak!.eventId).toBe(4);
  });

  it('checks the chains of one port separately, and notices an event moved between them', () => {
    const chainOf = (i: number) => i % 3;
    const last = new Map<number, string | null>();
    const events: VerifiableEvent[] = buildChain(30).map((e, i) => {
      const chain = chainOf(i);
      const prevHash = last.get(chain) ?? null;
      const hash = eventHash(prevHash, hashable(e));
      last.set(chain, hash);
      return { ...e, chain, prevHash, hash };
    });
    const report = verifyEvents(events);
    expect(report.intact).toBe(true);
    expect(report.chains.map((c) => [c.portId, c.chain, c.events])).toEqual([
      [1, 0, 10],
      [1, 1, 10],
      [1, 2, 10],
    ]);
    events[13] = { ...events[13]!, chain: 2 };
    const moved = verifyEvents(events);
    expect(moved.chains.filter((c) => c.firstBreak).map((c) => c.chain)).toEqual([1, 2]);
  });
});
