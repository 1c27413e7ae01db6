import { describe, expect, it } from 'vitest';
import { eventHmac, type HashableEvent } from './hash';
import { keyringFrom } from './keys';
import { describeReport, verifyEvents, type CheckpointChain, type VerifiableEvent } from './verify';

const RING = keyringFrom('unit-test-key-0123456789abcdef-0123456789');
const OTHER = keyringFrom('another-key-0123456789abcdef-0123456789ab');

/** Re-signs events in order as the writer would, one chain per (port, chain). */
function sign(events: Omit<VerifiableEvent, 'hash' | 'prevHash' | 'keyId'>[], ring = RING): VerifiableEvent[] {
  const last = new Map<string, string | null>();
  return events.map((e) => {
    const k = `${e.portId}:${e.chain}`;
    const full = { ...e, keyId: ring.current.id, prevHash: last.get(k) ?? null };
    const hash = eventHmac(ring.current.secret, full as HashableEvent);
    last.set(k, hash);
    return { ...full, hash };
  });
}

/** The content of an event without its signature, to sign again. */
const unsigned = ({ hash: _h, prevHash: _p, keyId: _k, ...e }: VerifiableEvent) => e; // eslint-disable-line @typescript-eslint/no-unused-vars

/** A correct chain of n events over the given ports (null = global), interleaved by id as real writers do. */
function buildChain(n: number, portIds: (number | null)[] = [1], chainOf: (i: number) => number = () => 0): VerifiableEvent[] {
  const start = Date.UTC(2026, 10, 25, 8, 0, 0);
  return sign(
    Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      at: new Date(start + i * 1000).toISOString(),
      actorId: '00000000-0000-4000-8000-000000000001',
      actorRole: 'officer',
      actorLabel: null,
      portId: portIds[i % portIds.length]!,
      chain: chainOf(i),
      action: i % 2 ? 'appointment.checked_in' : 'appointment.outcome_recorded',
      targetType: 'appointment',
      targetId: `a-${i}`,
      before: '{"status": "scheduled", "version": 1}',
      after: '{"notes": "línea 1\\nlínea 2", "status": "checked_in", "version": 2}',
      reason: null,
      requestId: null,
    })),
  );
}

function heads(events: VerifiableEvent[]): CheckpointChain[] {
  const m = new Map<string, CheckpointChain>();
  for (const e of events) {
    const k = `${e.portId}:${e.chain}`;
    const c = m.get(k) ?? { portId: e.portId, chain: e.chain, headId: 0, headHash: '', events: 0 };
    m.set(k, { ...c, headId: e.id, headHash: e.hash!, events: c.events + 1 });
  }
  return [...m.values()];
}

describe('audit chain verifier (in memory)', () => {
  it('passes a clean chain of 100,000 events', () => {
    const report = verifyEvents(buildChain(100_000, [1, 2, null]), RING);
    expect(report.intact).toBe(true);
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
    const report = verifyEvents(events, RING);
    expect(report.firstBreak).toMatchObject({ eventId: 21, kind: 'edited', portId: 1 });
    expect(report.chains.find((c) => c.portId === 2)!.firstBreak).toBeNull();
  });

  it('catches an edited actor label, which the unkeyed hash did not cover', () => {
    const events = buildChain(10);
    events[3] = { ...events[3]!, actorLabel: 'someone else' };
    expect(verifyEvents(events, RING).firstBreak).toMatchObject({ eventId: 4, kind: 'edited' });
  });

  it('catches an edit whose hash an attacker recomputed without the key', () => {
    const events = buildChain(10);
    const forged = sign([{ ...events[4]!, after: '{"status": "processed"}' }], OTHER)[0]!;
    events[4] = { ...forged, keyId: RING.current.id, prevHash: events[4]!.prevHash };
    expect(verifyEvents(events, RING).firstBreak).toMatchObject({ eventId: 5, kind: 'edited' });
  });

  it('reports events signed with a key it does not hold', () => {
    expect(verifyEvents(buildChain(5), OTHER).firstBreak).toMatchObject({ eventId: 1, kind: 'unknown_key' });
  });

  it('verifies events signed with an older key listed beside the current one', () => {
    const old = buildChain(5);
    const rotated = keyringFrom('the-new-key-0123456789abcdef-0123456789', ['unit-test-key-0123456789abcdef-0123456789']);
    expect(verifyEvents(old, rotated).intact).toBe(true);
  });

  it('catches a deleted event and two swapped events', () => {
    const deleted = buildChain(30);
    deleted.splice(12, 1);
    expect(verifyEvents(deleted, RING).firstBreak).toMatchObject({ eventId: 14, kind: 'broken_link' });
    const swapped = buildChain(30);
    const [a, b] = [swapped[7]!, swapped[8]!];
    swapped[7] = { ...b, id: a.id };
    swapped[8] = { ...a, id: b.id };
    expect(verifyEvents(swapped, RING).firstBreak).toMatchObject({ eventId: 8, kind: 'edited' });
  });

  it('reports each broken chain once, not as a cascade', () => {
    const events = buildChain(40, [1, 2]);
    events[3] = { ...events[3]!, action: 'x' };
    events[10] = { ...events[10]!, action: 'y' };
    const report = verifyEvents(events, RING);
    expect(report.chains.filter((c) => c.firstBreak).map((c) => c.firstBreak!.eventId)).toEqual([11, 4]);
    expect(report.firstBreak!.eventId).toBe(4);
  });

  it('notices an event moved to another chain of its port', () => {
    const events = buildChain(30, [1], (i) => i % 3);
    expect(verifyEvents(events, RING).intact).toBe(true);
    events[13] = { ...events[13]!, chain: 2 };
    expect(verifyEvents(events, RING).firstBreak).toMatchObject({ eventId: 14, kind: 'edited' });
  });

  describe('against a checkpoint', () => {
    const events = buildChain(60, [1, 2, null], (i) => i % 2);
    const checkpoint = heads(events);

    it('passes the same events and events appended after it', () => {
      expect(verifyEvents(events, RING, checkpoint).intact).toBe(true);
      const grown = buildChain(90, [1, 2, null], (i) => i % 2);
      const report = verifyEvents(grown, RING, checkpoint);
      expect(report.intact).toBe(true);
      expect(describeReport(report)).toContain('every chain head of the checkpoint present and unchanged');
    });

    it('catches a cut tail (the last three events gone), which links alone cannot', () => {
      const cut = events.slice(0, -3);
      expect(verifyEvents(cut, RING).intact).toBe(true);
      const report = verifyEvents(cut, RING, checkpoint);
      expect(report.intact).toBe(false);
      expect(report.chains.filter((c) => c.firstBreak?.kind === 'checkpoint_head_missing')).toHaveLength(3);
    });

    it('catches a cut tail even when new events were appended after the cut', () => {
      const cut = events.filter((e) => e.id !== 60);
      const regrown = sign([...cut, { ...events[59]!, id: 61, reason: 'appended after the cut' }].map(unsigned));
      expect(verifyEvents(regrown, RING).intact).toBe(true);
      expect(verifyEvents(regrown, RING, checkpoint).firstBreak).toMatchObject({ eventId: 60, kind: 'checkpoint_head_missing' });
    });

    it('catches a deleted chain and an emptied log', () => {
      const noPort2 = events.filter((e) => e.portId !== 2);
      expect(verifyEvents(noPort2, RING).intact).toBe(true);
      const report = verifyEvents(noPort2, RING, checkpoint);
      expect(report.chains.filter((c) => c.firstBreak?.kind === 'chain_missing').map((c) => c.portId)).toEqual([2, 2]);
      const empty = verifyEvents([], RING, checkpoint);
      expect(empty.intact).toBe(false);
      expect(empty.chains.every((c) => c.firstBreak?.kind === 'chain_missing')).toBe(true);
      expect(verifyEvents([], RING).intact).toBe(true);
    });

    it('catches a history rebuilt from scratch (every hash changed) by its heads', () => {
      const rebuilt = sign(events.map((e) => ({ ...unsigned(e), reason: 'rewritten' })));
      expect(verifyEvents(rebuilt, RING).intact).toBe(true); // only the key holder could do this
      expect(verifyEvents(rebuilt, RING, checkpoint).firstBreak?.kind).toBe('checkpoint_head_changed');
    });
  });
});
