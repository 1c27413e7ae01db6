import { describe, expect, it } from 'vitest';
import { formatInstant, utcInstantFormatter } from './format';

describe('UTC instants', () => {
  it.each(['en', 'es'] as const)('formats in %s with the zone named', (locale) => {
    const text = utcInstantFormatter(locale)('2026-11-25T19:05:00Z');
    expect(text).toContain('19:05');
    expect(text).toMatch(/UTC/);
  });
});

describe('instants at a port', () => {
  it('shows the port-local clock, whatever the server zone', () => {
    // 19:05 UTC is 12:05 in Phoenix (no DST) and 11:05 in Los Angeles in November.
    expect(formatInstant('2026-11-25T19:05:00Z', 'America/Phoenix', 'en')).toContain('12:05');
    expect(formatInstant('2026-11-25T19:05:00Z', 'America/Los_Angeles', 'es')).toContain('11:05');
  });
});
