/**
 * One LISTEN per app instance, fanned out to this instance's open event streams. Every instance
 * listens on the same channel, so each hears the changes committed through any other.
 *
 * Only the list of this process's own open streams lives in memory (they are sockets of this
 * process); nothing about the roster does. Started on the first stream, stopped after the last.
 *
 * A lost connection: postgres.js reconnects its listen connection and listens again (onListen runs
 * again, and every stream is told to resync, since NOTIFY is not stored). A listener that went deaf
 * without noticing, or a database that is away, is found by a probe: while streams are open, each
 * instance notifies itself every PROBE_EVERY_MS and must hear it back within PROBE_TIMEOUT_MS.
 * Otherwise every stream is told the server is unavailable and closed (the clients fall back to
 * polling, which shows the reconnecting banner, and reopen the stream with backoff), and the next
 * stream listens again on a new connection.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, getDbHandle } from '@/lib/database';
import type { Unlisten } from '@/db/client';
import { logWarn } from '@/lib/log';
import { parsePortEventPayload, PORT_EVENTS_CHANNEL, type PortEventPayload } from './notify';

export const PROBE_EVERY_MS = 2_000;
export const PROBE_TIMEOUT_MS = 3_000;

export interface LiveSubscriber {
  /** The ports whose changes this stream wants (one for a kiosk, several for a wall view). */
  portIds: ReadonlySet<number>;
  onChange(event: PortEventPayload): void;
  /** Changes may have been missed (the listen connection was re-established): refetch everything. */
  onResync(): void;
  /** The database is away or the listener deaf: end the stream. */
  onUnavailable(): void;
}

interface HubState {
  /** This process's id in probe payloads. */
  instance: string;
  subscribers: Set<LiveSubscriber>;
  listening: Promise<Unlisten> | null;
  listens: number;
  probe: { timer: ReturnType<typeof setInterval> | null; waiting: Map<string, ReturnType<typeof setTimeout>>; seq: number };
}

// On globalThis so that every bundle of the app in this process shares one LISTEN.
const holder = globalThis as unknown as { __portRosterLive?: HubState };

function state(): HubState {
  holder.__portRosterLive ??= {
    instance: randomBytes(4).toString('hex'),
    subscribers: new Set(),
    listening: null,
    listens: 0,
    probe: { timer: null, waiting: new Map(), seq: 0 },
  };
  return holder.__portRosterLive;
}

/** This process's id (8 hex digits): the first part of its event ids. */
export function instanceId(): string {
  return state().instance;
}

function onPayload(text: string): void {
  const s = state();
  const probe = /^\{"probe":"([0-9a-f]{8}\.\d+)"\}$/.exec(text);
  if (probe) {
    const timer = s.probe.waiting.get(probe[1]!);
    if (timer) {
      clearTimeout(timer);
      s.probe.waiting.delete(probe[1]!);
    }
    return;
  }
  const event = parsePortEventPayload(text);
  if (!event) return;
  for (const sub of s.subscribers) {
    if (event.p === null || sub.portIds.has(event.p)) sub.onChange(event);
  }
}

function onListen(): void {
  const s = state();
  s.listens++;
  // Listening again after a reconnect: whatever was committed meanwhile was not heard.
  if (s.listens > 1) for (const sub of s.subscribers) sub.onResync();
}

async function ensureListening(): Promise<void> {
  const s = state();
  if (!s.listening) {
    s.listens = 0;
    const started = getDbHandle().then((handle) => handle.listen(PORT_EVENTS_CHANNEL, onPayload, onListen));
    s.listening = started;
    started.catch(() => {
      if (s.listening === started) s.listening = null;
    });
  }
  await s.listening;
}

/**
 * Ends every stream and the listen connection (without waiting on a server that may be gone): the
 * next stream listens afresh, on a new connection, and starts the probe again.
 */
function dropListener(reason: string): void {
  const s = state();
  const listening = s.listening;
  s.listening = null;
  stopProbe();
  if (listening) void listening.then((unlisten) => unlisten()).catch(() => undefined);
  if (s.subscribers.size) logWarn({ event: 'live_listener_dropped', reason, streams: s.subscribers.size });
  for (const sub of [...s.subscribers]) sub.onUnavailable();
  s.subscribers.clear();
}

function startProbe(): void {
  const s = state();
  if (s.probe.timer) return;
  s.probe.timer = setInterval(() => void sendProbe(), PROBE_EVERY_MS);
  s.probe.timer.unref?.();
}

function stopProbe(): void {
  const s = state();
  if (s.probe.timer) clearInterval(s.probe.timer);
  s.probe.timer = null;
  for (const timer of s.probe.waiting.values()) clearTimeout(timer);
  s.probe.waiting.clear();
}

async function sendProbe(): Promise<void> {
  const s = state();
  // One probe in flight at a time.
  if (s.probe.waiting.size) return;
  const id = `${s.instance}.${++s.probe.seq}`;
  const timer = setTimeout(() => dropListener('probe not heard back'), PROBE_TIMEOUT_MS);
  timer.unref?.();
  s.probe.waiting.set(id, timer);
  try {
    const db = await getDb();
    await db.execute(sql`select pg_notify(${PORT_EVENTS_CHANNEL}, ${JSON.stringify({ probe: id })})`);
  } catch {
    // The database is away: the timer ends the streams.
  }
}

/**
 * Adds a stream. Resolves once this instance is listening (so nothing committed after this returns
 * is missed), or rejects when the database cannot be reached. The returned function removes it.
 */
export async function subscribe(sub: LiveSubscriber): Promise<() => void> {
  await ensureListening();
  const s = state();
  s.subscribers.add(sub);
  startProbe();
  return () => {
    s.subscribers.delete(sub);
    if (s.subscribers.size === 0) stopProbe();
  };
}

/** Tests: stop listening and forget every stream. */
export async function stopHub(): Promise<void> {
  const s = state();
  const listening = s.listening;
  s.listening = null;
  stopProbe();
  s.subscribers.clear();
  if (listening) await listening.then((unlisten) => unlisten()).catch(() => undefined);
}
