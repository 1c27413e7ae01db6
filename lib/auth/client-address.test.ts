import { describe, expect, it } from 'vitest';
import { clientAddressFrom, normaliseAddress } from './client-address';

describe('client address from X-Forwarded-For', () => {
  it.each([
    // [header, trusted hops, expected]
    ['203.0.113.7', 0, '203.0.113.7'],
    [null, 0, 'unknown'],
    ['', 1, 'unknown'],
    // One trusted proxy appended the real client; whatever the client wrote before it is ignored.
    ['1.2.3.4, 203.0.113.7', 1, '203.0.113.7'],
    ['spoofed, 1.2.3.4, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    // Fewer entries than hops: the leftmost is the best we have.
    ['203.0.113.7', 3, '203.0.113.7'],
    ['::FFFF:203.0.113.7', 0, '203.0.113.7'],
    ['[2001:DB8::1]:443', 0, '2001:db8::1'],
    ['203.0.113.7:5123', 0, '203.0.113.7'],
  ] as const)('%s with %i hops is %s', (header, hops, expected) => {
    expect(clientAddressFrom(header, hops)).toBe(expected);
  });

  it('bounds a junk value', () => {
    expect(normaliseAddress('x'.repeat(10_000))).toHaveLength(64);
  });
});
