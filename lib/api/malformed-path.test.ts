import { describe, expect, it } from 'vitest';
import { malformedApiPath } from './malformed-path';

describe('malformedApiPath', () => {
  it.each(['/api/v1/appointments/%ZZ', '/api/v1/x/%FF%FE', '/api/v1/x/%C0%AF', '/api/v1/x/%ED%A0%80', '/api/v1/x/%', '/api/v1/x/%%32%65'])('%s is a 400', async (p) => {
    const r = malformedApiPath(p)!;
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');
  });
  it('lets well-formed and non-API paths through', () => {
    expect(malformedApiPath('/api/v1/ports/san-ysidro/roster')).toBeNull();
    expect(malformedApiPath('/api/v1/x/Jos%C3%A9')).toBeNull();
    expect(malformedApiPath('/roster/%ZZ')).toBeNull();
  });
});
