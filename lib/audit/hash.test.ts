import { describe, expect, it } from 'vitest';
import { canonicalJson, eventHash } from './hash';

/** The first implementation, kept as the reference: stored hashes were computed with it. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonical JSON', () => {
  it.each([
    null,
    undefined,
    0,
    -1.5,
    'a "quoted"\nline',
    true,
    [],
    {},
    [1, 'two', null, undefined, { b: 1, a: [{ d: 4, c: 3 }] }],
    { z: 1, a: undefined, m: { y: 'ñ', x: new Date(Date.UTC(2026, 10, 25, 9, 30)) }, Á: 'é', B: 2, a1: [null] },
  ])('matches the reference for %j', (value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('sorts keys at every level and ignores key order', () => {
    expect(canonicalJson({ b: { d: 1, c: 2 }, a: 0 })).toBe('{"a":0,"b":{"c":2,"d":1}}');
    expect(canonicalJson({ a: 0, b: { c: 2, d: 1 } })).toBe(canonicalJson({ b: { d: 1, c: 2 }, a: 0 }));
  });

  it('gives a stable event hash', () => {
    const hash = eventHash(null, {
      at: new Date('2026-11-25T17:30:00.000Z'),
      actorId: null,
      actorRole: 'officer',
      portId: 1,
      action: 'appointment.outcome_recorded',
      targetType: 'appointment',
      targetId: 'x',
      before: { status: 'checked_in' },
      after: { status: 'processed' },
      reason: null,
      requestId: null,
    });
    expect(hash).toBe(eventHash(null, {
      requestId: null,
      reason: null,
      after: { status: 'processed' },
      before: { status: 'checked_in' },
      targetId: 'x',
      targetType: 'appointment',
      action: 'appointment.outcome_recorded',
      portId: 1,
      actorRole: 'officer',
      actorId: null,
      at: new Date('2026-11-25T17:30:00.000Z'),
    }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has not changed since events were first stored (fixed vector)', () => {
    expect(
      eventHash(null, { at: new Date('2026-11-25T17:30:00.000Z'), actorId: null, actorRole: 'officer', portId: 1, action: 'a', targetType: 't', targetId: 'x', before: { s: 1, a: [1, { z: 2, b: 'ñ' }] }, after: null, reason: 'r', requestId: null }),
    ).toBe('f9a2b06e75bb91bb1f56deebeb2f90c8ad0c4bc0c2b394369c3a7d5399054610');
  });
});
