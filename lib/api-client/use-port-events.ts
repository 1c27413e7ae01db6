'use client';

/**
 * A port's live event stream (GET /api/v1/ports/{slug}/events) through EventSource. `live` is true
 * while every stream is open: callers poll only when it is false. A stream the server closed or
 * refused is reopened with backoff; each reopening is a resync (changes may have been missed).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface PortChange {
  /** arrival | outcome | booking | flag | capacity | port */
  k: string;
  /** the appointment that changed */
  a?: string;
  /** its service date */
  d?: string;
}

export type PortEvent = { type: 'change'; slug: string; change: PortChange } | { type: 'resync'; slug: string };

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 8_000;
/** Reasons the session is over: reopening would only be refused (the page's own reads handle it). */
const FINAL = new Set(['signed_out', 'idle', 'expired', 'inactive', 'missing', 'forbidden']);

interface Source {
  es: EventSource | null;
  open: boolean;
  opened: boolean;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function usePortEvents(slugs: readonly string[], onEvent: (event: PortEvent) => void): { live: boolean } {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = slugs.join(',');
  const [openCount, setOpenCount] = useState(0);

  useEffect(() => {
    if (!key || typeof EventSource === 'undefined') return;
    const sources = new Map<string, Source>(key.split(',').map((slug) => [slug, { es: null, open: false, opened: false, attempts: 0, timer: undefined }]));
    let stopped = false;
    const count = () => setOpenCount([...sources.values()].filter((s) => s.open).length);
    const emit = (event: PortEvent) => handler.current(event);

    const connect = (slug: string) => {
      if (stopped) return;
      const s = sources.get(slug)!;
      const es = new EventSource(`/api/v1/ports/${encodeURIComponent(slug)}/events`);
      s.es = es;
      es.onopen = () => {
        s.open = true;
        s.attempts = 0;
        count();
        // Opened again after a gap: what changed meanwhile was not pushed.
        if (s.opened) emit({ type: 'resync', slug });
        s.opened = true;
      };
      es.addEventListener('resync', () => emit({ type: 'resync', slug }));
      es.addEventListener('change', (message) => {
        try {
          emit({ type: 'change', slug, change: JSON.parse((message as MessageEvent<string>).data) as PortChange });
        } catch {
          emit({ type: 'resync', slug });
        }
      });
      const closedByServer = (reopen: boolean) => {
        es.close();
        s.open = false;
        count();
        if (reopen) retry(slug);
      };
      es.addEventListener('unavailable', () => closedByServer(true));
      es.addEventListener('end', (message) => {
        let reason = '';
        try {
          reason = (JSON.parse((message as MessageEvent<string>).data) as { reason?: string }).reason ?? '';
        } catch {
          // no reason given
        }
        closedByServer(!FINAL.has(reason));
      });
      es.onerror = () => {
        s.open = false;
        count();
        // CONNECTING: the browser retries by itself (the server's retry hint). CLOSED: it gave up
        // (an error status, 429, 503), so retry here with backoff.
        if (es.readyState === EventSource.CLOSED) retry(slug);
      };
    };
    const retry = (slug: string) => {
      const s = sources.get(slug)!;
      clearTimeout(s.timer);
      const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** s.attempts);
      s.attempts++;
      s.timer = setTimeout(() => connect(slug), delay);
    };

    for (const slug of sources.keys()) connect(slug);
    return () => {
      stopped = true;
      for (const s of sources.values()) {
        clearTimeout(s.timer);
        s.es?.close();
      }
      setOpenCount(0);
    };
  }, [key]);

  return { live: key !== '' && openCount === key.split(',').length };
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
