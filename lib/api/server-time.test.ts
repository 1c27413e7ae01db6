import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { measureOffset } from '@/lib/api-client/clock';
import { json } from './respond';
import { apiRoute } from './route';

const call = (handler: () => Promise<Response>) => apiRoute(handler)(new Request('http://x/api/v1/t'), { params: Promise.resolve({}) });

describe('X-Server-Time on every API answer', () => {
  it('is on a success and on an error, as epoch milliseconds of the server clock', async () => {
    const before = Date.now();
    const ok = await call(async () => json({ ok: true }));
    const bad = await call(async () => {
      throw new AppError('VALIDATION', 'bad');
    });
    for (const r of [ok, bad]) {
      const t = Number(r.headers.get('x-server-time'));
      expect(t).toBeGreaterThanOrEqual(before);
      expect(t).toBeLessThanOrEqual(Date.now());
    }
    expect(bad.status).toBe(400);
  });
});

describe('the kiosk clock offset', () => {
  it('is the server time minus the midpoint of the request, from epoch ms or ISO', () => {
    expect(measureOffset('10500', 1000, 2000)).toEqual({ offsetMs: 9000, measuredAt: 2000 });
    expect(measureOffset(new Date(1500 - 60_000).toISOString(), 1000, 2000)).toEqual({ offsetMs: -60_000, measuredAt: 2000 });
    expect(measureOffset(null, 1, 2)).toBeNull();
    expect(measureOffset('soon', 1, 2)).toBeNull();
  });
});
