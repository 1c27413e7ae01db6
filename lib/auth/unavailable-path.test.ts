import { describe, expect, it } from 'vitest';
import { safeReturnPath, unavailablePath } from './unavailable-path';

describe('the way back from /unavailable', () => {
  it('keeps a same-site path with its query', () => {
    expect(safeReturnPath('/roster/nogales?date=2026-01-02')).toBe('/roster/nogales?date=2026-01-02');
    expect(unavailablePath('/roster/nogales?date=2026-01-02')).toBe('/unavailable?back=%2Froster%2Fnogales%3Fdate%3D2026-01-02');
  });

  it('refuses other sites, odd schemes and itself', () => {
    for (const bad of ['//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/unavailable?back=/x', '', null, undefined]) {
      expect(safeReturnPath(bad)).toBe('/');
    }
  });
});
