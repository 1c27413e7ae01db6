'use client';

/**
 * The live event stream of the ports in view through one EventSource: a port's own stream
 * (GET /api/v1/ports/{slug}/events) for one port, GET /api/v1/events?port=… for several, so a view
 * of every port holds one of the session's streams, not one per port. `live` is true while the
 * stream is open: callers poll only when it is false. A stream the server closed or refused is
 * reopened with backoff; each reopening is a resync (changes may have been missed).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface PortChange {
  /** arrival | outcome | booking | flag | capacity | port */
  k: string;
  /** the port's slug (absent: every port, the national cap) */
  p?: string;
  /** the appointment that changed */
  a?: string;
  /** its service date */
  d?: string;
}

export type PortEvent = { type: 'change'; slug: string | null; change: PortChange } | { type: 'resync' };

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 8_000;
/** Reasons the session is over: reopening would only be refused (the page's own reads handle it). */
const FINAL = new Set(['signed_out', 'idle', 'expired', 'inactive', 'missing', 'forbidden']);

export function streamUrl(slugs: readonly string[]): string {
  if (slugs.length === 1) return `/api/v1/ports/${encodeURIComponent(slugs[0]!)}/events`;
  return `/api/v1/events?${new URLSearchParams(slugs.map((s) => ['port', s]))}`;
}

export function usePortEvents(slugs: readonly string[], onEvent: (event: PortEvent) => void): { live: boolean } {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = slugs.join(',');
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!key || typeof EventSource === 'undefined') return;
    const url = streamUrl(key.split(','));
    let stopped = false;
    let es: EventSource | null = null;
    let opened = false;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const emit = (event: PortEvent) => handler.current(event);

    const connect = () => {
      if (stopped) return;
      const source = new EventSource(url);
      es = source;
      source.onopen = () => {
        setOpen(true);
        attempts = 0;
        // Opened again after a gap: what changed meanwhile was not pushed.
        if (opened) emit({ type: 'resync' });
        opened = true;
      };
      source.addEventListener('resync', () => emit({ type: 'resync' }));
      source.addEventListener('change', (message) => {
        try {
          const change = JSON.parse((message as MessageEvent<string>).data) as PortChange;
          emit({ type: 'change', slug: change.p ?? null, change });
        } catch {
          emit({ type: 'resync' });
        }
      });
      const closedByServer = (reopen: boolean) => {
        source.close();
        setOpen(false);
        if (reopen) retry();
      };
      source.addEventListener('unavailable', () => closedByServer(true));
      source.addEventListener('end', (message) => {
        let reason = '';
        try {
          reason = (JSON.parse((message as MessageEvent<string>).data) as { reason?: string }).reason ?? '';
        } catch {
          // no reason given
        }
        closedByServer(!FINAL.has(reason));
      });
      source.onerror = () => {
        setOpen(false);
        // CONNECTING: the browser retries by itself (the server's retry hint). CLOSED: it gave up
        // (an error status, 429, 503), so retry here with backoff.
        if (source.readyState === EventSource.CLOSED) retry();
      };
    };
    const retry = () => {
      clearTimeout(timer);
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempts);
      attempts++;
      timer = setTimeout(connect, delay);
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      es?.close();
      setOpen(false);
    };
  }, [key]);

  return { live: key !== '' && open };
}

/**
 * At most one call per `gapMs`: the first at once (an isolated change shows without delay), the
 * rest of a burst folded into one call at the end of the gap. During a rush each kiosk then refetches
 * at most every gapMs however many changes arrive; at rest it does not refetch at all.
 */
export function useThrottled(fn: () => void, gapMs: number): () => void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  const state = useRef<{ last: number; timer: ReturnType<typeof setTimeout> | undefined }>({ last: 0, timer: undefined });
  useEffect(() => () => clearTimeout(state.current.timer), []);
  return useCallback(() => {
    const s = state.current;
    if (s.timer) return;
    const wait = s.last + gapMs - Date.now();
    const run = () => {
      s.timer = undefined;
      s.last = Date.now();
      latest.current();
    };
    if (wait <= 0) run();
    else s.timer = setTimeout(run, wait);
  }, [gapMs]);
}
