/**
 * A live event stream (server-sent events) for one port (the kiosk) or several (the "today" and wall
 * views: one stream instead of one per port): clients refetch what an event names instead of
 * polling. Same right and port scope as reading each port's roster.
 *
 *   retry: 3000                      how long the browser waits before reconnecting by itself
 *   id: <instance>-<n>               every event; sent back by the browser as Last-Event-ID
 *   event: ready | resync            first event; resync when the client may have missed changes
 *   event: change  data: {"k","p"?,"a"?,"d"?}   what changed (kind, port slug, appointment id, service date)
 *   event: end     data: {"reason"}  the session ended or lost the right: the stream closes
 *   event: unavailable               the database is away: the stream closes (clients poll meanwhile)
 *   : heartbeat                      every HEARTBEAT_MS; the session is checked again at each one
 */
import type { Actor } from '@/lib/auth/actor';
import { assertCanAtPort } from '@/lib/auth/guard';
import { loadSession } from '@/lib/auth/session-store';
import { AppError, toAppError } from '@/lib/errors';
import { getPortsBySlugs } from '@/lib/ports/queries';
import { logWarn } from '@/lib/log';
import { instanceId, subscribe, type LiveSubscriber } from './hub';
import { closeLease, openLease, renewLease } from './leases';
import type { PortEventPayload } from './notify';

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;

const EVENT_ID = /^[0-9a-f]{8}-[0-9]{1,15}$/;

/**
 * Last-Event-ID as a browser sends it back: absent (a first connection), or one of our ids (a
 * reconnection: NOTIFY is not stored, so the client is told to resync). Anything else was not
 * written by this server: 400, before any stream is opened.
 */
export function parseLastEventId(value: string | null): { resync: boolean } {
  if (value === null || value === '') return { resync: false };
  if (!EVENT_ID.test(value)) {
    throw new AppError('VALIDATION', 'Last-Event-ID is not an id this server sent.', {
      es: 'Last-Event-ID no es un identificador enviado por este servidor.',
      fields: { 'Last-Event-ID': 'is not an event id of this stream' },
    });
  }
  return { resync: true };
}

let sequence = 0;
const nextId = () => `${instanceId()}-${++sequence}`;

function frame(event: string, data: unknown): string {
  return `id: ${nextId()}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: Next's gzip would otherwise hold the events back in its buffer.
  'Cache-Control': 'no-store, private, no-transform',
  Pragma: 'no-cache',
  // Reverse proxies (nginx) must not buffer either.
  'X-Accel-Buffering': 'no',
} as const;

/**
 * The stream never ends by itself, so it is sent only to a client that asks for one (EventSource
 * always sends this Accept): a generic client (curl, a crawler, a test walker reading the whole body)
 * is told so with a 400 instead of being left hanging on an endless response.
 */
export function assertAcceptsEventStream(accept: string | null): void {
  if (!accept || !/(^|,)\s*text\/event-stream\s*(;|,|$)/i.test(accept)) {
    throw new AppError('VALIDATION', 'This route is a server-sent event stream: send Accept: text/event-stream (EventSource does).', {
      es: 'Esta ruta es un flujo de eventos: envíe Accept: text/event-stream (EventSource lo hace).',
      fields: { Accept: 'must include text/event-stream' },
    });
  }
}

export interface StreamOptions {
  lastEventId: string | null;
  /** The Accept header. */
  accept: string | null;
  /** Fires when the client goes away. */
  signal?: AbortSignal;
  heartbeatMs?: number;
}

/** At most this many ports in one stream (every port of the country fits). */
export const MAX_STREAM_PORTS = 50;

/** One port's stream: GET /api/v1/ports/{slug}/events. */
export function openPortEventStream(actor: Actor, slug: string, opts: StreamOptions): Promise<Response> {
  return openEventStream(actor, [slug], opts);
}

/**
 * Opens the stream for `slugs`: 404 if any is a port the actor cannot see (as for one port: existence
 * does not leak), 400 for a forged Last-Event-ID, 429 past the per-session limit (one stream is one
 * lease however many ports it carries), 503 when this instance cannot listen (the database is away).
 */
export async function openEventStream(actor: Actor, slugs: readonly string[], opts: StreamOptions): Promise<Response> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0 || unique.length > MAX_STREAM_PORTS) {
    throw new AppError('VALIDATION', `Name between 1 and ${MAX_STREAM_PORTS} ports.`, {
      es: `Indique entre 1 y ${MAX_STREAM_PORTS} puertos.`,
      fields: { port: `must name 1-${MAX_STREAM_PORTS} ports` },
    });
  }
  const slugById = new Map<number, string>();
  for (const port of await getPortsBySlugs(actor, unique)) {
    assertCanAtPort(actor, 'roster.read', port.id);
    slugById.set(port.id, port.slug);
  }
  assertAcceptsEventStream(opts.accept);
  const { resync } = parseLastEventId(opts.lastEventId);
  const lease = await openLease(actor.sessionId);

  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let closed = false;
  const timer: { heartbeat?: ReturnType<typeof setInterval> } = {};
  let unsubscribe: (() => void) | undefined;
  const pending: string[] = [];

  const write = (text: string) => {
    if (closed) return;
    if (!controller) {
      pending.push(text);
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      cleanup();
    }
  };
  const cleanup = () => {
    if (closed) return;
    closed = true;
    clearInterval(timer.heartbeat);
    unsubscribe?.();
    opts.signal?.removeEventListener('abort', cleanup);
    void closeLease(lease).catch(() => undefined);
  };
  const finish = (event: string, data: unknown) => {
    write(frame(event, data));
    const c = controller;
    cleanup();
    try {
      c?.close();
    } catch {
      // already closed by the client
    }
  };

  const subscriber: LiveSubscriber = {
    portIds: new Set(slugById.keys()),
    onChange: (e: PortEventPayload) => {
      const p = e.p === null ? undefined : slugById.get(e.p);
      write(frame('change', { k: e.k, ...(p ? { p } : {}), ...(e.a ? { a: e.a } : {}), ...(e.d ? { d: e.d } : {}) }));
    },
    onResync: () => write(frame('resync', {})),
    onUnavailable: () => finish('unavailable', {}),
  };
  try {
    unsubscribe = await subscribe(subscriber);
  } catch (error) {
    await closeLease(lease).catch(() => undefined);
    throw error;
  }

  // The session is read again at each heartbeat: sign-out, idle expiry, deactivation or a move to
  // another port end the stream within one heartbeat (background reads do not count as activity).
  const check = async () => {
    if (closed) return;
    write(': heartbeat\n\n');
    try {
      if (!(await renewLease(lease))) return finish('end', { reason: 'lease' });
      const state = await loadSession(actor.sessionId, { activity: false });
      if (!('actor' in state)) return finish('end', { reason: state.ended });
      try {
        for (const portId of slugById.keys()) assertCanAtPort(state.actor, 'roster.read', portId);
      } catch {
        return finish('end', { reason: 'forbidden' });
      }
    } catch (error) {
      if (toAppError(error).code !== 'UNAVAILABLE') logWarn({ event: 'live_heartbeat_failed', error: String(error) });
      finish('unavailable', {});
    }
  };
  timer.heartbeat = setInterval(() => void check(), opts.heartbeatMs ?? HEARTBEAT_MS);
  timer.heartbeat.unref?.();
  opts.signal?.addEventListener('abort', cleanup);

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(`retry: ${RETRY_MS}\n` + frame(resync ? 'resync' : 'ready', {})));
      for (const text of pending.splice(0)) c.enqueue(encoder.encode(text));
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
