import { describe, expect, it } from 'vitest';
import { utcInstantFormatter } from './format';

describe('UTC instants', () => {
  it.each(['en', 'es'] as const)('formats in %s with the zone named', (locale) => {
    const text = utcInstantFormatter(locale)('2026-11-25T19:05:00Z');
    expect(text).toContain('19:05');
    expect(text).toMatch(/UTC/);
  });
});
