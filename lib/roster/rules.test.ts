import { describe, expect, it } from 'vitest';
import { arrivalActionFor, canUndo, deadline, decideCheckIn, decideNoShow, effectiveStatus, validMembersPresent } from './rules';

const LA = { timeZone: 'America/Los_Angeles', graceMinutes: 15 };
const PHX = { timeZone: 'America/Phoenix', graceMinutes: 15 };

function appt(scheduledIso: string, serviceDate: string, status = 'scheduled' as const) {
  return { status, scheduledAt: new Date(scheduledIso), serviceDate, partySize: 3 } as const;
}

describe('decideCheckIn', () => {
  const a = appt('2026-11-25T17:00:00Z', '2026-11-25'); // 09:00 in Los Angeles
  it.each([
    ['two hours early, same day', '2026-11-25T15:00:00Z', 'checked_in'],
    ['at the scheduled time', '2026-11-25T17:00:00Z', 'checked_in'],
    ['exactly at the deadline', '2026-11-25T17:15:00Z', 'checked_in'],
    ['one second after the deadline', '2026-11-25T17:15:01Z', 'late'],
    ['two hours after', '2026-11-25T19:00:00Z', 'late'],
  ])('%s -> %s', (_label, at, kind) => {
    expect(decideCheckIn(a, new Date(at), LA).kind).toBe(kind);
  });

  it('refuses on a different service date (the evening before, port-local)', () => {
    expect(decideCheckIn(a, new Date('2026-11-25T07:30:00Z'), LA)).toEqual({ kind: 'refused', code: 'WRONG_SERVICE_DATE' });
    expect(decideCheckIn(a, new Date('2026-11-26T08:00:00Z'), LA)).toEqual({ kind: 'refused', code: 'WRONG_SERVICE_DATE' });
  });

  it('refuses a second arrival and a cancelled appointment', () => {
    expect(decideCheckIn({ ...a, status: 'checked_in' }, new Date('2026-11-25T17:00:00Z'), LA)).toEqual({ kind: 'refused', code: 'ALREADY_ARRIVED' });
    expect(decideCheckIn({ ...a, status: 'late' }, new Date('2026-11-25T17:00:00Z'), LA)).toEqual({ kind: 'refused', code: 'ALREADY_ARRIVED' });
    expect(decideCheckIn({ ...a, status: 'cancelled' }, new Date('2026-11-25T17:00:00Z'), LA)).toEqual({ kind: 'refused', code: 'CONFLICT' });
  });

  it('records a marked no-show who turns up as late', () => {
    expect(decideCheckIn({ ...a, status: 'no_show' }, new Date('2026-11-25T18:00:00Z'), LA).kind).toBe('late');
  });

  it('handles a spring-forward day in Los Angeles', () => {
    // 2026-03-08 03:30 PDT = 10:30Z; the day has 23 hours.
    const dst = appt('2026-03-08T10:30:00Z', '2026-03-08');
    expect(decideCheckIn(dst, new Date('2026-03-08T10:45:00Z'), LA).kind).toBe('checked_in');
    expect(decideCheckIn(dst, new Date('2026-03-08T10:45:01Z'), LA).kind).toBe('late');
    expect(decideCheckIn(dst, new Date('2026-03-08T08:30:00Z'), LA).kind).toBe('checked_in'); // 00:30 PST same date
  });

  it('handles a fall-back day in Chicago (the repeated hour)', () => {
    const chi = { timeZone: 'America/Chicago', graceMinutes: 15 };
    const a2 = appt('2026-11-01T07:30:00Z', '2026-11-01'); // 01:30 CST, the second 01:30
    expect(decideCheckIn(a2, new Date('2026-11-01T06:40:00Z'), chi).kind).toBe('checked_in'); // 01:40 CDT, earlier
    expect(decideCheckIn(a2, new Date('2026-11-01T07:46:00Z'), chi).kind).toBe('late');
  });

  it('uses Arizona time for Nogales in summer', () => {
    const summer = appt('2026-07-01T06:30:00Z', '2026-06-30'); // 23:30 MST on 30 June
    expect(decideCheckIn(summer, new Date('2026-07-01T06:40:00Z'), PHX).kind).toBe('checked_in');
    expect(decideCheckIn(summer, new Date('2026-07-01T07:05:00Z'), PHX)).toEqual({ kind: 'refused', code: 'WRONG_SERVICE_DATE' });
  });
});

describe('no-show', () => {
  const a = appt('2026-11-25T17:00:00Z', '2026-11-25');
  it('is derived only after the deadline', () => {
    const d = deadline(a.scheduledAt, 15);
    expect(effectiveStatus('scheduled', d, new Date('2026-11-25T17:15:00Z'))).toBe('scheduled');
    expect(effectiveStatus('scheduled', d, new Date('2026-11-25T17:15:01Z'))).toBe('no_show');
    expect(effectiveStatus('checked_in', d, new Date('2026-11-25T20:00:00Z'))).toBe('checked_in');
  });

  it('can be marked only after the deadline', () => {
    expect(decideNoShow(a, new Date('2026-11-25T17:15:00Z'), LA)).toEqual({ kind: 'refused', code: 'DEADLINE_NOT_PASSED' });
    expect(decideNoShow(a, new Date('2026-11-25T17:15:01Z'), LA)).toEqual({ kind: 'no_show' });
    expect(decideNoShow({ ...a, status: 'checked_in' }, new Date('2026-11-25T18:00:00Z'), LA)).toEqual({ kind: 'refused', code: 'ALREADY_ARRIVED' });
  });
});

describe('members present and undo', () => {
  it.each([
    [undefined, 3, 3],
    [2, 3, 2],
    [0, 3, null],
    [4, 3, null],
    [1.5, 3, null],
  ])('requested %s of %s -> %s', (req, size, out) => {
    expect(validMembersPresent(req, size)).toBe(out);
  });

  it('allows undo by the same officer within two minutes only', () => {
    const at = new Date('2026-11-25T17:00:00Z');
    expect(canUndo({ by: 'u1', at }, 'u1', new Date('2026-11-25T17:02:00Z'))).toBe(true);
    expect(canUndo({ by: 'u1', at }, 'u1', new Date('2026-11-25T17:02:01Z'))).toBe(false);
    expect(canUndo({ by: 'u1', at }, 'u2', new Date('2026-11-25T17:01:00Z'))).toBe(false);
  });
});

describe('arrivalActionFor', () => {
  const d = new Date('2026-11-25T17:15:00Z');
  it.each([
    ['scheduled', '2026-11-25T17:15:00Z', 'check-in'],
    ['scheduled', '2026-11-25T17:15:01Z', 'late'],
    ['no_show', '2026-11-25T18:00:00Z', 'late'],
    ['checked_in', '2026-11-25T17:00:00Z', null],
    ['processed', '2026-11-25T17:00:00Z', null],
    ['cancelled', '2026-11-25T17:00:00Z', null],
  ] as const)('%s at %s -> %s', (status, at, expected) => {
    expect(arrivalActionFor(status, d, new Date(at))).toBe(expected);
  });
});
