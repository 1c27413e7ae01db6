import { describe, expect, it } from 'vitest';
import { change, histogramPercentile, presetRange, previousPeriod, rangeLength, rates, ratio } from './rules';
import { StatsRangeQuerySchema } from './schemas';

describe('statistics ranges', () => {
  it.each([
    ['today', '2026-03-08', '2026-03-08'],
    ['7', '2026-03-02', '2026-03-08'],
    ['30', '2026-02-07', '2026-03-08'],
    ['365', '2025-03-09', '2026-03-08'],
  ] as const)('preset %s ends today', (preset, from, to) => {
    expect(presetRange(preset, '2026-03-08')).toEqual({ from, to });
    expect(rangeLength(from, to)).toBe(preset === 'today' ? 1 : Number(preset));
  });

  it('compares with the period of the same length just before', () => {
    expect(previousPeriod('2026-03-02', '2026-03-08')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(previousPeriod('2026-03-08', '2026-03-08')).toEqual({ from: '2026-03-07', to: '2026-03-07' });
  });

  it('validates from, to and the length of the range', () => {
    const fields = (input: unknown) => {
      const r = StatsRangeQuerySchema.safeParse(input);
      return r.success ? null : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(fields({ from: '2026-01-01', to: '2026-12-31' })).toBeNull(); // 365 days
    expect(fields({ from: '2024-01-01', to: '2024-12-31' })).toBeNull(); // 366 days in a leap year
    expect(fields({ from: '2025-01-01', to: '2026-01-01' })).toBeNull(); // 366 days
    expect(fields({ from: '2025-01-01', to: '2026-01-02' })).toEqual(['to']); // 367
    expect(fields({ from: '2026-01-02', to: '2026-01-01' })).toEqual(['to']);
    expect(fields({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from']);
    expect(fields({ to: '2026-03-01' })).toEqual(['from']);
    expect(StatsRangeQuerySchema.parse({ from: '2026-01-01', to: '2026-01-01', port: 'a' }).port).toEqual(['a']);
    expect(StatsRangeQuerySchema.parse({ from: '2026-01-01', to: '2026-01-01', port: ['a', 'b', 'a'] }).port).toEqual(['a', 'b']);
  });
});

describe('rates', () => {
  it('divides by what is due, and gives null rather than dividing by zero', () => {
    expect(rates({ capacity: 10, booked: 8, checkedIn: 4, late: 1, noShow: 3, processed: 2, cancelled: 1 })).toEqual({
      arrived: 5, utilisation: 0.5, due: 8, noShowRate: 0.375, lateRate: 0.125,
    });
    expect(rates({ capacity: 0, booked: 0, checkedIn: 0, late: 0, noShow: 0, processed: 0, cancelled: 0 }).utilisation).toBeNull();
    expect(ratio(1, 3)).toBe(0.3333);
    expect(change(12, 10)).toBe(0.2);
    expect(change(5, 0)).toBeNull();
  });
});

describe('sumByDate and rangeProblems', () => {
  it('adds ports up per date and recomputes the rates', async () => {
    const { sumByDate } = await import('./rules');
    const day = (date: string, booked: number, noShow: number, outcomes: Record<string, number>) => ({
      date, capacity: 10, booked, checkedIn: booked - noShow, late: 0, noShow, processed: booked - noShow, cancelled: 0, outcomes,
    });
    const out = sumByDate([day('2026-01-02', 4, 1, { a: 3 }), day('2026-01-01', 2, 0, { a: 2 }), day('2026-01-02', 6, 1, { a: 4, b: 1 })]);
    expect(out.map((d) => [d.date, d.capacity, d.booked, d.noShow, d.outcomes, d.noShowRate])).toEqual([
      ['2026-01-01', 10, 2, 0, { a: 2 }, 0],
      ['2026-01-02', 20, 10, 2, { a: 7, b: 1 }, 0.2],
    ]);
  });

  it('names each field that is wrong', async () => {
    const { rangeProblems } = await import('./rules');
    const { isIsoDate } = await import('@/lib/time');
    expect(rangeProblems('2026-01-01', '2026-01-31', isIsoDate)).toEqual({});
    expect(rangeProblems(undefined, '2026-13-01', isIsoDate)).toEqual({ from: 'invalidDate', to: 'invalidDate' });
    expect(rangeProblems('2026-02-01', '2026-01-01', isIsoDate)).toEqual({ to: 'order' });
    expect(rangeProblems('2025-01-01', '2026-01-02', isIsoDate)).toEqual({ to: 'tooLong' });
  });
});

describe('shares rounded once', () => {
  it('gives the exact share on request, so a screen rounding to one decimal does not round twice', () => {
    // 63.854 %: four decimals give 0.6385, which a one-decimal percentage would then show as 63.8.
    const counts = { capacity: 100_000, booked: 70_000, checkedIn: 60_000, late: 3_854, noShow: 0, processed: 0, cancelled: 0 };
    expect(rates(counts).utilisation).toBe(0.6385);
    expect(Math.round(rates(counts, true).utilisation! * 1000) / 10).toBe(63.9);
    expect(ratio(1, 3, true)).toBe(1 / 3);
    expect(ratio(1, 0, true)).toBeNull();
  });
});

describe('histogramPercentile', () => {
  it('equals percentile_cont over the values the histogram counts, interpolating across buckets', () => {
    // 30, 30, 45, 60, 60, 60, 90: median 60; p90 at rank 5.4 -> 60 + 0.4 * 30
    const h: [number, number][] = [[30, 2], [45, 1], [60, 3], [90, 1]];
    expect(histogramPercentile(h, 0.5)).toBe(60);
    expect(histogramPercentile(h, 0.9)).toBeCloseTo(72, 10);
    expect(histogramPercentile(h, 0)).toBe(30);
    expect(histogramPercentile(h, 1)).toBe(90);
    expect(histogramPercentile([[7, 1]], 0.9)).toBe(7);
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(histogramPercentile([[3, 0]], 0.5)).toBeNull();
  });
});
