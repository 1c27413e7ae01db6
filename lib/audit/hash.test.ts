import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { canonicalEvent, canonicalJson, eventHmac, legacyEventHash, preparedHmac, type HashableEvent } from './hash';

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

  it('keeps the legacy unkeyed hash of stored events (fixed vector), for the re-chain step', () => {
    expect(
      legacyEventHash(null, { at: new Date('2026-11-25T17:30:00.000Z'), actorId: null, actorRole: 'officer', portId: 1, action: 'a', targetType: 't', targetId: 'x', before: { s: 1, a: [1, { z: 2, b: 'ñ' }] }, after: null, reason: 'r', requestId: null }),
    ).toBe('f9a2b06e75bb91bb1f56deebeb2f90c8ad0c4bc0c2b394369c3a7d5399054610');
  });
});

const KEY = Buffer.from('hash-test-key-0123456789abcdef-0123456789');
const EVENT: HashableEvent = {
  id: 7,
  at: '2026-11-25T17:30:00.000Z',
  actorId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'officer',
  actorLabel: 'Officer Peña',
  portId: 1,
  chain: 3,
  action: 'appointment.checked_in',
  targetType: 'appointment',
  targetId: 'x',
  before: '{"a": 2, "b": 1, "status": "scheduled"}',
  after: '{"status": "checked_in"}',
  reason: 'r',
  requestId: 'req-1',
  keyId: 'k0123',
  prevHash: 'ab'.repeat(32),
};

describe('keyed event hash', () => {
  it('is HMAC-SHA256 of the canonical form', () => {
    expect(eventHmac(KEY, EVENT)).toBe(createHmac('sha256', KEY).update(canonicalEvent(EVENT)).digest('hex'));
    expect(eventHmac(KEY, EVENT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(Object.keys(EVENT) as (keyof HashableEvent)[])('changes when %s changes', (field) => {
    const value = EVENT[field];
    const changed =
      field === 'at' ? '2026-11-25T17:30:00.001Z' : field === 'before' || field === 'after' ? '{"changed": true}' : typeof value === 'number' ? value + 1 : `${value}x`;
    expect(eventHmac(KEY, { ...EVENT, [field]: changed } as HashableEvent)).not.toBe(eventHmac(KEY, EVENT));
  });

  it('tells null from the string "null" and moves no text across field boundaries', () => {
    expect(eventHmac(KEY, { ...EVENT, before: null })).not.toBe(eventHmac(KEY, { ...EVENT, before: '"null"' }));
    expect(eventHmac(KEY, { ...EVENT, reason: null })).not.toBe(eventHmac(KEY, { ...EVENT, reason: 'null' }));
    expect(eventHmac(KEY, { ...EVENT, action: 'a","b', targetType: 'c' })).not.toBe(eventHmac(KEY, { ...EVENT, action: 'a', targetType: 'b","c' }));
  });

  it('depends on the key', () => {
    expect(eventHmac(Buffer.from('another-key-0123456789abcdef-0123456789ab'), EVENT)).not.toBe(eventHmac(KEY, EVENT));
  });
});

describe('prepared HMAC', () => {
  it.each([0, 1, 31, 32, 63, 64, 65, 200])('equals createHmac for a %i-byte key, message after message', (n) => {
    const secret = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256));
    const f = preparedHmac(secret);
    for (const message of ['', 'a', canonicalEvent(EVENT), 'ñ🛂\u0000'.repeat(50), 'x'.repeat(1000)]) {
      expect(f(message)).toBe(createHmac('sha256', secret).update(message).digest('hex'));
    }
  });
});
