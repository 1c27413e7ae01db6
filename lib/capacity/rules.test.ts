import { describe, expect, it } from 'vitest';
import { effectiveLimit, exceedsCap, findCapacityViolation, remaining, weekdayKeyOf, type CapacityDay } from './rules';

const weekdays = { mon: 300, tue: 300, wed: 300, thu: 300, fri: 300, sat: 150, sun: 0 };

describe('effective limit', () => {
  it.each([
    // date, overrides, limit, source
    ['2026-11-23', [], 300, 'weekday'], // Monday
    ['2026-11-28', [], 150, 'weekday'], // Saturday
    ['2026-11-29', [], 0, 'weekday'], // Sunday default 0
    ['2026-11-26', [['2026-11-26', 0]], 0, 'override'], // closure beats the weekday
    ['2026-11-27', [['2026-11-27', 420]], 420, 'override'], // raised for one date
    ['2026-11-27', [['2026-11-26', 0]], 300, 'weekday'], // another date's override does not apply
    // DST days: the weekday comes from the calendar date, whatever its length (23 or 25 hours).
    ['2026-03-08', [], 0, 'weekday'], // spring forward, Sunday
    ['2026-11-01', [], 0, 'weekday'], // fall back, Sunday
    ['2026-11-01', [['2026-11-01', 75]], 75, 'override'],
  ] as const)('%s with overrides %j: %i from %s', (date, overrides, limit, source) => {
    const map = new Map<string, number>(overrides.map(([d, n]) => [d, n]));
    expect(effectiveLimit(date, weekdays, map)).toEqual({ limit, source });
  });

  it('treats a weekday without a default as closed', () => {
    expect(effectiveLimit('2026-11-24', { mon: 5 }, new Map())).toEqual({ limit: 0, source: 'weekday' });
  });

  it('maps dates to weekday keys', () => {
    expect(['2026-11-23', '2026-11-29', '2026-03-08'].map(weekdayKeyOf)).toEqual(['mon', 'sun', 'sun']);
  });
});

describe('remaining and the cap', () => {
  it.each([
    [300, 0, 300],
    [300, 299, 1],
    [300, 300, 0],
    [300, 301, 0],
    [0, 0, 0],
  ])('limit %i booked %i leaves %i', (limit, booked, left) => {
    expect(remaining(limit, booked)).toBe(left);
  });

  it.each([
    [999, 1000, false],
    [1000, 1000, false], // exactly reached is allowed
    [1001, 1000, true], // exceeded by one
    [0, 0, false],
  ])('total %i against cap %i exceeds: %s', (total, cap, exceeds) => {
    expect(exceedsCap(total, cap)).toBe(exceeds);
  });
});

const day = (date: string, portLimit: number, portBooked: number, total: number): CapacityDay => ({ date, portLimit, portBooked, total });

describe('capacity change violations', () => {
  const caps = { before: 1000, after: 1000 };

  it('allows raising a port until the cap is exactly reached', () => {
    expect(findCapacityViolation([day('2026-12-01', 300, 10, 1000 - 5)], [day('2026-12-01', 305, 10, 1000)], caps)).toBeNull();
  });

  it('refuses raising a port one over the cap, naming the date and numbers', () => {
    expect(findCapacityViolation([day('2026-12-01', 300, 10, 995)], [day('2026-12-01', 306, 10, 1001)], caps)).toEqual({
      code: 'NATIONAL_CAP_EXCEEDED',
      date: '2026-12-01',
      total: 1001,
      cap: 1000,
    });
  });

  it('refuses lowering a limit below what is booked, naming the count', () => {
    expect(findCapacityViolation([day('2026-12-02', 300, 120, 900)], [day('2026-12-02', 119, 120, 719)], caps)).toEqual({
      code: 'LIMIT_BELOW_BOOKED',
      date: '2026-12-02',
      limit: 119,
      booked: 120,
    });
  });

  it('allows lowering a limit to exactly what is booked', () => {
    expect(findCapacityViolation([day('2026-12-02', 300, 120, 900)], [day('2026-12-02', 120, 120, 720)], caps)).toBeNull();
  });

  it('reports a closure of a booked date as below booked', () => {
    expect(findCapacityViolation([day('2026-12-03', 300, 1, 900)], [day('2026-12-03', 0, 1, 600)], caps)?.code).toBe('LIMIT_BELOW_BOOKED');
  });

  it('ignores past dates at the port for the booked check', () => {
    expect(findCapacityViolation([day('2026-11-20', 300, 200, 900)], [day('2026-11-20', 0, 200, 600)], caps, '2026-11-25')).toBeNull();
  });

  it('does not let a date already over the cap block an unrelated change', () => {
    const before = [day('2026-12-04', 10, 0, 1200), day('2026-12-05', 10, 0, 900)];
    const after = [day('2026-12-04', 10, 0, 1200), day('2026-12-05', 5, 0, 895)];
    expect(findCapacityViolation(before, after, caps)).toBeNull();
  });

  it('reports the earliest offending date', () => {
    const before = [day('2026-12-09', 0, 0, 1000), day('2026-12-08', 0, 0, 1000)];
    const after = [day('2026-12-09', 5, 0, 1005), day('2026-12-08', 5, 0, 1005)];
    expect(findCapacityViolation(before, after, caps)).toMatchObject({ date: '2026-12-08' });
  });

  it('refuses lowering the national cap below a date total, and allows meeting it exactly', () => {
    const totals = [{ date: '2026-12-10', total: 1000 }, { date: '2026-12-11', total: 950 }];
    expect(findCapacityViolation(totals, totals, { before: 1000, after: 999 })).toEqual({
      code: 'NATIONAL_CAP_EXCEEDED',
      date: '2026-12-10',
      total: 1000,
      cap: 999,
    });
    expect(findCapacityViolation(totals, totals, { before: 1200, after: 1000 })).toBeNull();
  });
});
