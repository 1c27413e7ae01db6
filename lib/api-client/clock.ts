/**
 * The kiosk's clock offset to the server (server minus browser, in ms), measured at each successful
 * request from the X-Server-Time header and kept with the browser time it was measured at. A tap
 * recorded offline carries it so the server can place the tap on its own clock.
 */
import { createSignal } from './signal';

export interface ClockOffset {
  offsetMs: number;
  /** Browser clock (epoch ms) when the offset was measured. */
  measuredAt: number;
}

const STORAGE_KEY = 'port-roster.clock-offset';
let latest: ClockOffset | null = null;

/** Offset from one request: the server stamped its time somewhere between sending and receiving. */
export function measureOffset(serverTime: string | null, sentAt: number, receivedAt: number): ClockOffset | null {
  if (!serverTime) return null;
  const server = /^\d+$/.test(serverTime) ? Number(serverTime) : Date.parse(serverTime);
  if (!Number.isFinite(server)) return null;
  return { offsetMs: Math.round(server - (sentAt + receivedAt) / 2), measuredAt: receivedAt };
}

export function recordClockOffset(offset: ClockOffset | null): void {
  if (!offset) return;
  latest = offset;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(offset));
  } catch {
    // Private mode or no storage: the in-memory value still serves this page.
  }
}

/** The last measured offset (kept over a reload), or null before any successful request. */
export function clockOffset(): ClockOffset | null {
  if (latest) return latest;
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as ClockOffset | null;
    if (stored && Number.isFinite(stored.offsetMs) && Number.isFinite(stored.measuredAt)) latest = stored;
  } catch {
    // Unreadable storage counts as not measured.
  }
  return latest;
}

const apiSuccess = createSignal();

/** Called after every successful API request: the offline queue replays on it. */
export const onApiSuccess = apiSuccess.on;

export const notifyApiSuccess = apiSuccess.emit;
