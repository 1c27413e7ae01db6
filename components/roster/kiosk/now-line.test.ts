import { describe, expect, it } from 'vitest';
import { splitAtNow } from './now-line';

const row = (id: string, hhmm: string, status = 'scheduled') => {
  const scheduledAt = `2026-12-03T${hhmm}:00-08:00`;
  return { id, scheduledAt, deadline: new Date(Date.parse(scheduledAt) + 15 * 60_000).toISOString(), status };
};
const at = (hhmm: string) => Date.parse(`2026-12-03T${hhmm}:00-08:00`);

describe('splitAtNow', () => {
  const rows = [row('a', '07:00', 'processed'), row('b', '07:15', 'no_show'), row('c', '07:30'), row('d', '07:45', 'late'), row('e', '08:00'), row('f', '08:15', 'checked_in')];

  it('puts the line before the first row due at or after now and folds only finished earlier rows', () => {
    const split = splitAtNow(rows, at('08:01'));
    expect(split.lineIndex).toBe(5);
    // c is scheduled and past: it may still be checked in late or marked a no-show, so it stays.
    expect([...split.finishedIds]).toEqual(['a', 'b', 'd']);
  });

  it('a finished row whose deadline is still ahead stays in view (just checked in at another kiosk)', () => {
    // d (07:45, late... here arrived) has its deadline at 08:00: at 07:50 it is not folded yet.
    expect([...splitAtNow(rows, at('07:50')).finishedIds]).toEqual(['a', 'b']);
  });

  it('a row due exactly now is after the line; f (checked in early) is after the line and never folded', () => {
    const split = splitAtNow(rows, at('08:00'));
    expect(split.lineIndex).toBe(4);
    expect(split.finishedIds.has('d')).toBe(false);
    expect(split.finishedIds.has('f')).toBe(false);
  });

  it('before the first appointment the line is at the top; after the last, at the bottom', () => {
    expect(splitAtNow(rows, at('06:00'))).toEqual({ lineIndex: 0, finishedIds: new Set() });
    expect(splitAtNow(rows, at('23:00')).lineIndex).toBe(rows.length);
  });

  it('keeps a no-show that is only derived from the passed deadline (it can still be marked), folds a recorded one', () => {
    const derived = { ...row('x', '07:05', 'no_show'), noShowRecorded: false };
    const recorded = { ...row('y', '07:10', 'no_show'), noShowRecorded: true };
    const split = splitAtNow([derived, recorded, ...rows.slice(2)], at('08:01'));
    expect(split.finishedIds.has('x')).toBe(false);
    expect(split.finishedIds.has('y')).toBe(true);
  });

  it('keeps rows the caller asks for (selected, or just acted on with undo open)', () => {
    expect(splitAtNow(rows, at('08:01'), (a) => a.id === 'd').finishedIds.has('d')).toBe(false);
  });
});
