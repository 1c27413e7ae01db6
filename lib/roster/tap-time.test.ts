import { describe, expect, it } from 'vitest';
import { decideTapTime, TAP_ABSURD_MS } from './rules';

const received = new Date('2026-11-25T17:20:00Z');
const BOUND = 10 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('decideTapTime: a replayed tap on the server clock', () => {
  it('is live (the server clock) when the body carries no tap time', () => {
    expect(decideTapTime({}, received, BOUND)).toEqual({ kind: 'live', at: received });
  });

  it('corrects the kiosk clock by the measured offset (ISO or epoch ms) and judges inside the bound at that time', () => {
    // Kiosk clock 3 minutes behind the server; the tap 5 minutes before the server received it.
    const kioskTap = received.getTime() - 5 * 60_000 - 3 * 60_000;
    const expected = { kind: 'offline', at: new Date(received.getTime() - 5 * 60_000), receivedAt: received };
    expect(decideTapTime({ tappedAt: kioskTap, clockOffsetMs: 3 * 60_000 }, received, BOUND)).toEqual(expected);
    expect(decideTapTime({ tappedAt: iso(kioskTap), clockOffsetMs: 3 * 60_000 }, received, BOUND)).toEqual(expected);
  });

  it('sends a tap older than the bound to review, judged at the received time', () => {
    const tapped = received.getTime() - BOUND - 1_000;
    expect(decideTapTime({ tappedAt: tapped, clockOffsetMs: 0 }, received, BOUND)).toEqual({ kind: 'review', at: received, tappedAt: new Date(tapped), receivedAt: received });
    expect(decideTapTime({ tappedAt: received.getTime() - BOUND, clockOffsetMs: 0 }, received, BOUND).kind).toBe('offline');
  });

  it('takes a tap a few seconds "ahead" (offset error) as received now, and refuses one beyond the skew', () => {
    expect(decideTapTime({ tappedAt: received.getTime() + 10_000, clockOffsetMs: 0 }, received, BOUND)).toEqual({ kind: 'offline', at: received, receivedAt: received });
    expect(decideTapTime({ tappedAt: received.getTime() + 31_000, clockOffsetMs: 0 }, received, BOUND)).toEqual({ kind: 'invalid', field: 'tappedAt', problem: 'in_future' });
    // The kiosk clock is an hour ahead: the same instant is fine once corrected.
    expect(decideTapTime({ tappedAt: received.getTime() + 3_600_000, clockOffsetMs: -3_600_000 }, received, BOUND).kind).toBe('offline');
  });

  it.each([
    ['a tap time without the measured offset', { tappedAt: received.getTime() }, 'clockOffsetMs', 'needs_offset'],
    ['an offset of more than a day', { tappedAt: received.getTime(), clockOffsetMs: TAP_ABSURD_MS + 1 }, 'clockOffsetMs', 'offset_absurd'],
    ['a tap days old', { tappedAt: received.getTime() - 3 * 86_400_000, clockOffsetMs: 0 }, 'tappedAt', 'absurd_age'],
    ['a tap time that is not a time', { tappedAt: 'yesterday', clockOffsetMs: 0 }, 'tappedAt', 'not_a_time'],
  ] as const)('refuses %s', (_name, tap, field, problem) => {
    expect(decideTapTime(tap, received, BOUND)).toEqual({ kind: 'invalid', field, problem });
  });
});
