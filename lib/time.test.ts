import { describe, expect, it } from 'vitest';
import {
  addDays,
  hoursInServiceDate,
  isIsoDate,
  isoWeekday,
  portLocalInstant,
  portLocalMinutes,
  serviceDate,
  serviceDateBounds,
  toPortIso,
} from './time';

const PHX = 'America/Phoenix';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';

describe('serviceDate', () => {
  it.each([
    // instant (UTC), zone, expected port-local date
    ['2026-11-25T06:30:00Z', PHX, '2026-11-24'], // 23:30 the day before in Arizona
    ['2026-11-25T07:00:00Z', PHX, '2026-11-25'],
    ['2026-11-25T05:59:59Z', CHI, '2026-11-24'],
    ['2026-11-25T06:00:00Z', CHI, '2026-11-25'],
    ['2026-11-25T07:59:59Z', LA, '2026-11-24'],
    ['2026-11-25T08:00:00Z', LA, '2026-11-25'],
    ['2026-07-01T06:30:00Z', PHX, '2026-06-30'], // Nogales in summer: still UTC-7
    ['2026-07-01T06:30:00Z', DEN, '2026-07-01'], // El Paso in summer: UTC-6
  ])('%s in %s is %s', (iso, tz, expected) => {
    expect(serviceDate(new Date(iso), tz)).toBe(expected);
  });

  it('differs between Nogales and Brownsville for an hour of the day', () => {
    const instant = new Date('2026-11-25T06:30:00Z');
    expect(serviceDate(instant, PHX)).not.toBe(serviceDate(instant, CHI));
  });
});

describe('DST change days', () => {
  // 2026: spring forward on 8 March, fall back on 1 November (US rules)
  it.each([
    [CHI, '2026-03-08', 23],
    [DEN, '2026-03-08', 23],
    [LA, '2026-03-08', 23],
    [CHI, '2026-11-01', 25],
    [DEN, '2026-11-01', 25],
    [LA, '2026-11-01', 25],
    [PHX, '2026-03-08', 24],
    [PHX, '2026-11-01', 24],
    [LA, '2026-11-25', 24],
  ])('%s on %s has %i hours', (tz, date, hours) => {
    expect(hoursInServiceDate(date, tz)).toBe(hours);
  });

  it('maps local wall times across spring-forward', () => {
    expect(portLocalInstant('2026-03-08', 60, LA).toISOString()).toBe('2026-03-08T09:00:00.000Z');
    expect(portLocalInstant('2026-03-08', 180, LA).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    // 02:30 does not exist in Los Angeles that day; it resolves forward to 03:30 PDT
    expect(portLocalInstant('2026-03-08', 150, LA).toISOString()).toBe('2026-03-08T10:30:00.000Z');
  });

  it('maps local wall times across fall-back', () => {
    expect(portLocalInstant('2026-11-01', 0, CHI).toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(portLocalInstant('2026-11-01', 180, CHI).toISOString()).toBe('2026-11-01T09:00:00.000Z');
  });

  it('keeps Arizona at UTC-7 all year', () => {
    expect(toPortIso(new Date('2026-01-15T19:00:00Z'), PHX)).toBe('2026-01-15T12:00:00-07:00');
    expect(toPortIso(new Date('2026-07-15T19:00:00Z'), PHX)).toBe('2026-07-15T12:00:00-07:00');
    expect(toPortIso(new Date('2026-07-15T19:00:00Z'), DEN)).toBe('2026-07-15T13:00:00-06:00');
  });

  it('bounds a service date by port-local midnights', () => {
    const { start, end } = serviceDateBounds('2026-11-01', DEN);
    expect(start.toISOString()).toBe('2026-11-01T06:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-02T07:00:00.000Z');
  });
});

describe('calendar helpers', () => {
  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('validates calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });

  it('names ISO weekdays', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('gives port-local minutes of the day', () => {
    expect(portLocalMinutes(new Date('2026-11-25T17:15:00Z'), PHX)).toBe(10 * 60 + 15);
  });
});
